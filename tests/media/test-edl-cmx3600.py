# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a CMX3600 EDL the way OpenTimelineIO's cmx_3600 adapter does, independently of
Casereel's reader, and enforces the rules that adapter and other CMX3600 readers need:
no comment above the first event, three-digit event numbers, no drop-frame labels under
FCM: NON-DROP FRAME, and source and record durations that agree at the list's rate.
Usage: test-edl-cmx3600.py FILE.edl RATE_NUM RATE_DEN
Prints one line per event: "record-in record-duration" in frames at the list's rate."""
import re
import sys
from fractions import Fraction

path, num, den = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rate = Fraction(num, den)
fps = round(rate)
EVENT = re.compile(r'^(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+'
                   r'(\d\d:\d\d:\d\d[:;]\d\d)\s+(\d\d:\d\d:\d\d[:;]\d\d)\s+'
                   r'(\d\d:\d\d:\d\d[:;]\d\d)\s+(\d\d:\d\d:\d\d[:;]\d\d)$')


def frames(tc, drop):
    """RationalTime.from_timecode: SMPTE drop-frame counting when the list drops frames."""
    hh, mm, ss, ff = (int(x) for x in re.split('[:;]', tc))
    assert ff < fps, tc
    total = ((hh * 60 + mm) * 60 + ss) * fps + ff
    if drop:
        dropped = fps // 15
        minutes = hh * 60 + mm
        assert not (ss == 0 and ff < dropped and mm % 10 != 0), f'{tc} does not exist in drop frame'
        total -= dropped * (minutes - minutes // 10)
    return total


drop = None
events = 0
for number, line in enumerate(open(path, encoding='utf-8').read().split('\n'), 1):
    if line.strip() == '':
        continue
    if line.startswith('TITLE:'):
        assert events == 0 and number == 1, f'line {number}: TITLE not first'
        continue
    if line.startswith('FCM:'):
        drop = 'NON-DROP' not in line
        continue
    if line.startswith('*'):
        assert events > 0, f'line {number}: a comment above the first event'
        continue
    m = EVENT.match(line)
    assert m, f'line {number}: not an event: {line!r}'
    assert drop is not None, 'no FCM line before the events'
    assert len(m.group(1)) == 3, f'line {number}: event number {m.group(1)} is not three digits'
    assert int(m.group(1)) == events % 999 + 1, f'line {number}: event number {m.group(1)}'
    assert m.group(4) == 'C', f'line {number}: not a cut'
    tcs = m.groups()[4:]
    if not drop:
        assert not any(';' in tc for tc in tcs), f'line {number}: drop-frame label under NON-DROP FRAME'
    src_in, src_out, rec_in, rec_out = (frames(tc, drop) for tc in tcs)
    assert src_out - src_in > 0, f'line {number}: negative source range'
    assert src_out - src_in == rec_out - rec_in, \
        f'line {number}: source {src_out - src_in} frames, record {rec_out - rec_in}'
    print(rec_in, rec_out - rec_in)
    events += 1
