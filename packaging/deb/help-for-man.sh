#!/usr/bin/env bash
# `nsfw-workbench --help` as help2man reads it (packaging/deb/package.cmake makes the man page with it): the two
# usage forms as "Usage:" and "or:" lines (the DESCRIPTION of nsfw-workbench.h2m says what each does), and at
# least two spaces after each command name, so that every command becomes an entry of its own.
#   help-for-man.sh BINARY --help
set -euo pipefail
"$1" --help | awk '
  NR == 1 && /^Usage: / { sub(/  +.*/, ""); print; next }
  NR == 2 && /^ +[^ ]/  { sub(/^ +/, ""); sub(/  +.*/, ""); print "  or:  " $0; print ""; next }
  /^  [a-z][a-z-]* +[^ ]/ { name = $1; sub(/^  [a-z][a-z-]* +/, ""); printf "  %-14s %s\n", name, $0; next }
  { print }'
