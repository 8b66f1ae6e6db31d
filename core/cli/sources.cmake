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
  cli/traincommands.cpp
  cli/benchmarktrain.cpp
  cli/benchmarkmemory.cpp
  cli/pythonbench.h cli/pythonbench.cpp
)
