#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads an iCalendar file with python-icalendar and prints what it understood as JSON.

Every DTSTART/DTEND is turned into UTC twice: as python-icalendar reads it (for a TZID it
knows, pytz's copy of the IANA database) and through the file's own VTIMEZONE, so both the
local times and the VTIMEZONE definitions are checked. Local times are resolved strictly:
one that is skipped or shown twice by the clocks is an error here, not a guess.

Usage: /usr/bin/python3 ical_check.py FILE.ics
"""
import json
import sys
from datetime import timedelta

import pytz
from icalendar import Calendar


def utc_iso(dt):
    return dt.astimezone(pytz.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


def as_list(value):
    return value if isinstance(value, list) else [value]


def read_time(prop, vtimezones):
    """(tzid, UTC by python-icalendar, UTC by the file's VTIMEZONE)."""
    tzid = prop.params.get('TZID')
    if tzid is None:
        return None, utc_iso(prop.dt), utc_iso(prop.dt)
    naive = prop.dt.replace(tzinfo=None)
    by_library = pytz.timezone(str(tzid)).localize(naive, is_dst=None)
    if utc_iso(by_library) != utc_iso(prop.dt):
        raise ValueError('python-icalendar and pytz disagree on %s' % prop.to_ical())
    by_file = vtimezones[str(tzid)].localize(naive, is_dst=None)
    return str(tzid), utc_iso(by_library), utc_iso(by_file)


def compare_zone(tzid, vtimezone, first, last):
    """Hour by hour from a year before @first to a year after @last, the offsets and names
    of the file's VTIMEZONE against pytz's."""
    reference = pytz.timezone(tzid)
    mismatches = []
    t = first - timedelta(days=365)
    while t <= last + timedelta(days=365):
        ours = t.astimezone(vtimezone)
        theirs = t.astimezone(reference)
        if ours.utcoffset() != theirs.utcoffset() or ours.tzname() != theirs.tzname():
            mismatches.append('%s: %s %s vs %s %s' % (utc_iso(t), ours.utcoffset(),
                                                     ours.tzname(), theirs.utcoffset(),
                                                     theirs.tzname()))
        t += timedelta(hours=1)
    return mismatches


def main():
    with open(sys.argv[1], 'rb') as f:
        cal = Calendar.from_ical(f.read())

    vtimezones = {}
    observances = {}
    for component in cal.walk('VTIMEZONE'):
        tzid = str(component['TZID'])
        vtimezones[tzid] = component.to_tz()
        observances[tzid] = len(component.subcomponents)

    calendar = {key.lower(): str(cal[key])
                for key in ('VERSION', 'PRODID', 'CALSCALE', 'NAME', 'X-WR-CALNAME')
                if key in cal}
    events = []
    span = {}
    for event in cal.walk('VEVENT'):
        out = {'uid': str(event['UID']),
               'dtstamp': utc_iso(event['DTSTAMP'].dt)}
        for key in ('DTSTART', 'DTEND'):
            tzid, by_library, by_file = read_time(event[key], vtimezones)
            name = key.lower()
            out[name + '_tzid'] = tzid
            out[name] = by_library
            out[name + '_vtimezone'] = by_file
            if tzid:
                first, last = span.get(tzid, (event[key].dt, event[key].dt))
                span[tzid] = (min(first, event[key].dt), max(last, event[key].dt))
        for key in ('SUMMARY', 'LOCATION', 'DESCRIPTION', 'STATUS'):
            out[key.lower()] = str(event[key]) if key in event else None
        out['categories'] = [str(c) for line in as_list(event.get('CATEGORIES', []))
                             for c in line.cats]
        out['attendees'] = [{'cn': str(a.params['CN']) if 'CN' in a.params else None,
                             'address': str(a)}
                            for a in (as_list(event['ATTENDEE']) if 'ATTENDEE' in event else [])]
        events.append(out)

    zones = {tzid: {'observances': observances[tzid],
                    'mismatches': compare_zone(tzid, vtimezones[tzid], *span.get(tzid, (None, None)))
                    if tzid in span else []}
             for tzid in vtimezones}
    json.dump({'calendar': calendar, 'zones': zones, 'events': events}, sys.stdout,
              ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
