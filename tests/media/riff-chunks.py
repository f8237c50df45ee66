#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a RIFF WAVE file's chunks on its own (not Casereel's reader): prints the RIFF size
check, one line per chunk ("ID SIZE"), bext's time reference, then the iXML text."""
import struct
import sys

with open(sys.argv[1], "rb") as f:
    data = f.read()
riff, size, wave = struct.unpack("<4sI4s", data[:12])
assert riff == b"RIFF" and wave == b"WAVE", "not RIFF WAVE"
print("riff-size", "ok" if size == len(data) - 8 else "wrong %d for %d bytes" % (size, len(data)))
pos = 12
ixml = None
reference = None
while pos + 8 <= len(data):
    cid, csize = struct.unpack("<4sI", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + csize]
    assert len(body) == csize, "chunk %r runs past the end" % cid
    print(cid.decode("latin-1"), csize)
    if cid == b"bext":
        reference = struct.unpack("<Q", body[338:346])[0]
    if cid == b"iXML":
        ixml = body.rstrip(b"\0").decode("utf-8")
    pos += 8 + csize + (csize & 1)
print("end", "ok" if pos == len(data) else "trailing %d" % (len(data) - pos))
print("time_reference", reference)
if ixml is not None:
    print("iXML")
    print(ixml)
