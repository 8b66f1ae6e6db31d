target_sources(core PRIVATE
  cli/cli.h cli/cli.cpp
  cli/commands.h
  cli/console.h cli/console.cpp
  cli/pending.cpp
)
