// Commands whose implementation has not landed yet. Each file that implements one removes it here.
#include "commands.h"
#include "console.h"

namespace nsfw::cli {

static int notYet(const QStringList &arguments)
{
    err() << arguments.value(0) << ": not implemented yet\n";
    return 3;
}

int initCommand(const QStringList &a) { return notYet(a); }
int importCommand(const QStringList &a) { return notYet(a); }
int statsCommand(const QStringList &a) { return notYet(a); }
int labelsCommand(const QStringList &a) { return notYet(a); }
int labelCommand(const QStringList &a) { return notYet(a); }
int checkCommand(const QStringList &a) { return notYet(a); }
int benchmarkStore(const QStringList &a) { return notYet(a); }

} // namespace nsfw::cli
