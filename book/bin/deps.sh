#!/bin/bash
# deps.sh SET PACKAGE... -- make sure these Debian packages are installed.
# As root, install the missing ones with apt-get, showing its progress; as
# anyone else, print the one command that would, and fail.  SET names the
# set ("build" or "book") in messages.
set -uo pipefail
set_name=$1
shift
installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "$@" \
            2>/dev/null | awk '$2 == "ii" { print $1 }')
missing=()
for p in "$@"; do
    grep -qx -- "$p" <<< "$installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "deps: the $set_name tools need Debian packages that are missing."
    echo "deps: run this once, then try again:"
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
fi
echo "deps: installing the $set_name tools: ${missing[*]}"
case $set_name in
    book) echo "deps: (TeX Live and Pandoc: about 430 MiB installed; minutes)" ;;
esac
export DEBIAN_FRONTEND=noninteractive
apt-get update -q || exit 1
apt-get install -y -q --no-install-recommends "${missing[@]}" || exit 1
echo "deps: the $set_name tools are installed"
