# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks an .otio file by OpenTimelineIO's own time rules (the library is not in Debian 12):
a track places each item at the exact sum of the durations before it, every time at its own
rate. Asserts that every item starts on a whole frame of the timeline's rate.
Usage: test-otio-rules.py FILE.otio
Prints per track its kind, then "clip|gap record-frame length" lines, then "end FRAMES"."""
import json
import sys
from fractions import Fraction


def rational(rate):
    """OTIO writes rates as doubles: 30000/1001 is 29.97002997002997."""
    return Fraction(rate).limit_denominator(1001)


def seconds(time):
    assert time['OTIO_SCHEMA'] == 'RationalTime.1', time
    return Fraction(time['value']) / rational(time['rate'])


timeline = json.load(open(sys.argv[1], encoding='utf-8'))
rate = rational(timeline['global_start_time']['rate'])
for track in timeline['tracks']['children']:
    print(track['kind'])
    position = Fraction(0)
    for item in track['children']:
        at = position * rate
        length = seconds(item['source_range']['duration']) * rate
        assert at.denominator == 1, f'{item["OTIO_SCHEMA"]} starts at {float(at)} frames'
        assert length.denominator == 1, f'{item["OTIO_SCHEMA"]} lasts {float(length)} frames'
        kind = 'gap' if item['OTIO_SCHEMA'].startswith('Gap.') else 'clip'
        print(kind, at.numerator, length.numerator)
        position += seconds(item['source_range']['duration'])
    end = position * rate
    assert end.denominator == 1, f'{track["kind"]} track ends at {float(end)} frames'
    print('end', end.numerator)
