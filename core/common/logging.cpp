#include "logging.h"

Q_LOGGING_CATEGORY(lcStore, "nsfw.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMedia, "nsfw.media", QtInfoMsg)
Q_LOGGING_CATEGORY(lcImport, "nsfw.import", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModel, "nsfw.model", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTrain, "nsfw.train", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "nsfw.cli", QtInfoMsg)
