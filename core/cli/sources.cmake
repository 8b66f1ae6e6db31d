target_sources(core PRIVATE
  cli/cli.h cli/cli.cpp
  cli/commands.h
  cli/console.h cli/console.cpp
)
target_sources(core PRIVATE
  cli/projectcommands.cpp
  cli/importcommand.cpp
  cli/labelcommands.cpp
  cli/benchmarkstore.cpp
  cli/runoutput.h cli/traincommands.cpp cli/evaluatecommand.cpp cli/exportmodelcommand.cpp
  cli/auditcommand.cpp
  cli/duplicatescommand.cpp
  cli/healthcommand.cpp
  cli/agreementcommand.cpp
  cli/workercommand.cpp
  cli/teamcommand.cpp cli/teamlabelscommand.h cli/teamlabelscommand.cpp
  cli/exportdatasetcommand.cpp
  cli/benchmarktrain.cpp
  cli/benchmarkaudit.cpp
  cli/cliparttask.h cli/cliparttask.cpp
  cli/duplicatecorpus.h cli/duplicatecorpus.cpp
  cli/benchmarkduplicates.cpp
  cli/benchmarkgrouping.cpp
  cli/benchmarkmemory.cpp
  cli/benchmarkload.h cli/benchmarkload.cpp cli/benchmarkloadcheck.cpp
  cli/pythonbench.h cli/pythonbench.cpp
  cli/benchstats.h
)
# benchmark load restarts the test server with the source tree's packaging/pgtest.sh (or --pgtest).
set_source_files_properties(cli/benchmarkload.cpp PROPERTIES COMPILE_DEFINITIONS NSFW_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
