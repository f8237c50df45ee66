#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Arguments are UTF-8 whatever the locale: with LANG unset and LC_ALL=C, a name with
# letters outside ASCII goes in and comes back out byte for byte (read by Python's json).
# Usage: test-utf8-args.sh CASEREEL
set -eu
casereel=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
name='Zoë Ødegård'

env -u LANG -u LANGUAGE LC_ALL=C "$casereel" new "$tmp/p.casereel" --title "Café ☕ study" >/dev/null
env -u LANG -u LANGUAGE LC_ALL=C "$casereel" --project "$tmp/p.casereel" \
  participant add --name "$name" --kind interviewee >/dev/null
env -u LANG -u LANGUAGE LC_ALL=C "$casereel" --project "$tmp/p.casereel" participant list --json >"$tmp/list.json"
env -u LANG -u LANGUAGE LC_ALL=C "$casereel" --project "$tmp/p.casereel" production show --json >"$tmp/production.json"
/usr/bin/python3 - "$tmp/list.json" "$tmp/production.json" "$name" <<'PY'
import json, sys
people = json.load(open(sys.argv[1], encoding="utf-8"))
rows = people if isinstance(people, list) else people.get("participants", people)
names = [p["name"] for p in rows]
assert names == [sys.argv[3]], names
production = json.load(open(sys.argv[2], encoding="utf-8"))
title = production["title"] if "title" in production else production["production"]["title"]
assert title == "Café ☕ study", title
print("ok", names[0], "/", title)
PY
