#!/bin/sh
# gen.sh regenerates words.txt.gz, the English word list the cleaner embeds,
# from Debian's wamerican package (SCOWL, size 50; licence in LICENSE):
#
#	apt-get install -y wamerican && sh gen.sh
#
# Possessives ("value's") are dropped; words are lower-cased, sorted and
# deduplicated, one a line. gzip -n keeps the output byte-reproducible.
set -eu
cd "$(dirname "$0")"
src=${1:-/usr/share/dict/american-english}
grep -v "'" "$src" | tr 'A-Z' 'a-z' | LC_ALL=C sort -u | gzip -9n > words.txt.gz
cp /usr/share/doc/wamerican/copyright LICENSE
