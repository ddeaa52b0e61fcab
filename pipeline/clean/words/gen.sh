#!/bin/sh
# gen.sh regenerates words.txt, the English word list the cleaner embeds,
# from Debian's wamerican package (SCOWL, size 50; licence in LICENSE):
#
#	apt-get install -y wamerican && sh gen.sh
#
# Possessives ("value's") are dropped; words are lower-cased, sorted
# byte-wise (LC_ALL=C, the order of Go's string comparison) and
# deduplicated, one a line. The list stays uncompressed: Known
# binary-searches the embedded bytes, so nothing is loaded at start-up.
set -eu
cd "$(dirname "$0")"
src=${1:-/usr/share/dict/american-english}
grep -v "'" "$src" | tr 'A-Z' 'a-z' | LC_ALL=C sort -u > words.txt
cp /usr/share/doc/wamerican/copyright LICENSE
