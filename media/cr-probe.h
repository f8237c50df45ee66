/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cr-media.h"
#include "cr-timecode.h"

G_BEGIN_DECLS

/* What one media file holds, as plain data: no FFmpeg type leaves media/. Times are integer
 * microseconds (exact for what containers store), rates are rationals; an unknown number is
 * -1 (or 0 for sizes and rates, 0/0 for rationals), an unknown text is NULL. A start time
 * can be negative (audio priming), so an unknown one is CR_TIME_UNKNOWN. */

#define CR_TIME_UNKNOWN G_MININT64

typedef enum
{
  CR_STREAM_VIDEO,
  CR_STREAM_AUDIO,
  CR_STREAM_SUBTITLE,
  CR_STREAM_DATA,        /* e.g. a QuickTime timecode (tmcd) track */
  CR_STREAM_ATTACHMENT,
  CR_STREAM_UNKNOWN,
} CrStreamType;

typedef struct
{
  int           index;            /* the container's stream index */
  CrStreamType  type;
  char         *codec;            /* FFmpeg's short name ("h264", "pcm_s24le"), NULL if unknown */
  char         *codec_tag;        /* the container's four characters ("avc1", "tmcd"), or NULL */
  char         *profile;          /* "High", "LC", or NULL */
  gint64        bit_rate;         /* bits per second, -1 unknown */
  gint64        start_us;         /* CR_TIME_UNKNOWN if unknown */
  gint64        duration_us;      /* -1 unknown */
  gint64        frame_count;      /* as the container counts it, -1 unknown */
  char         *language;         /* ISO 639 as tagged, or NULL */
  char         *timecode;         /* the stream's `timecode` tag as written, or NULL */

  /* Video */
  int           width, height;
  CrRate        sample_aspect;    /* 0/0 unknown */
  CrRate        display_aspect;   /* 0/0 unknown */
  char         *pixel_format;     /* "yuv420p", or NULL */
  char         *field_order;      /* "progressive", "tt", "bb", "tb", "bt", or NULL */
  CrRate        frame_rate;       /* nominal (FFmpeg's r_frame_rate), 0/0 unknown */
  CrRate        average_frame_rate; /* frames / duration (avg_frame_rate), 0/0 unknown */
  gboolean      variable_frame_rate; /* the two above differ */
  int           rotation;         /* degrees to turn clockwise for upright display: 0, 90, 180, 270 */
  char         *color_primaries;  /* "bt709", or NULL */
  char         *color_transfer;
  char         *color_matrix;
  char         *color_range;      /* "tv" / "pc", or NULL */
  gboolean      still_image;      /* an attached picture (cover art) */

  /* Audio */
  int           sample_rate;
  int           channels;
  char         *channel_layout;   /* "stereo", "5.1(side)", or NULL */
  char         *sample_format;    /* "fltp", "s32", or NULL */
  int           bits_per_sample;  /* 24 for 24-bit PCM, 0 unknown */
} CrProbeStream;

typedef enum
{
  CR_TIMECODE_SOURCE_NONE,
  CR_TIMECODE_SOURCE_TMCD,          /* a QuickTime/MP4 timecode track */
  CR_TIMECODE_SOURCE_STREAM_TAG,    /* a stream's `timecode` tag (MXF, MOV) */
  CR_TIMECODE_SOURCE_CONTAINER_TAG, /* the container's `timecode` tag (MXF) */
  CR_TIMECODE_SOURCE_GOP,           /* the first MPEG-1/2 group-of-pictures header */
  CR_TIMECODE_SOURCE_BWF,           /* Broadcast Wave time_reference, samples since midnight */
} CrTimecodeSource;

typedef struct
{
  CrTimecodeSource source;          /* NONE: the file carries no start timecode */
  gint64           frames;          /* the first frame's label, as frames since 00:00:00:00 */
  CrTimecodeFormat format;          /* the rate the timecode counts at, and drop-frame */
  gboolean         rate_from_caller; /* BWF with no rate in the file: the caller's rate was used */
  /* A tmcd track whose rate is not the video's: the track is trusted, this says so. */
  gboolean         rate_mismatch;
  CrRate           video_rate;      /* the first video stream's nominal rate, 0/0 if none */
} CrProbeTimecode;

/* Field recorder and camera notes, where the file carries them. */
typedef struct
{
  char   *scene;
  char   *take;
  char   *tape;
  char   *project;
  char   *note;
  char  **track_names;              /* NULL-terminated, or NULL */
  char   *originator;               /* bext originator ("Sound Dev: 702T ...") */
  gint64  time_reference;           /* BWF samples since midnight, -1 if none */
  int     time_reference_rate;      /* the sample rate it counts at */
  char   *camera_make;
  char   *camera_model;
} CrProbeRecorder;

typedef struct
{
  char            *path;
  guint64          size;            /* bytes */
  gint64           mtime_us;        /* modification time, microseconds since the epoch (UTC) */
  char            *identity;        /* content identity: SHA-1 over size + first + last 64 KiB, hex */

  char            *format;          /* FFmpeg's demuxer names ("mov,mp4,m4a,3gp,3g2,mj2") */
  char            *format_long;     /* "QuickTime / MOV" */
  gint64           duration_us;     /* -1 unknown */
  gint64           start_us;        /* CR_TIME_UNKNOWN if unknown */
  gint64           bit_rate;        /* bits per second, -1 unknown */
  char            *creation_time;   /* the container's creation_time tag as written, or NULL */
  gint64           creation_time_us; /* the same parsed, -1 if absent or unparsable */
  gboolean         used_stream_info; /* the header was not enough: packets were analysed */

  GPtrArray       *streams;         /* of CrProbeStream, in container order */
  CrProbeTimecode  timecode;
  CrProbeRecorder  recorder;
  /* One line about something in the file that was ignored (a timecode rate no timecode
   * counts at), naming the file; NULL if none. */
  char            *warning;
} CrProbe;

typedef struct
{
  /* The rate to count a Broadcast Wave time_reference at when the file names none
   * (the production's rate); 0/0 means "leave such a file without start timecode". */
  CrTimecodeFormat fallback_timecode;
  gint64           timeout_us;      /* give up after this long; 0 means 20 s */
} CrProbeOptions;

/* Probes one file. Safe to call from any thread, one file per call. Errors are in
 * CR_MEDIA_ERROR (IO, NOT_MEDIA, DAMAGED, TIMEOUT) or G_IO_ERROR_CANCELLED, one line that
 * names the file. */
CrProbe             *cr_probe_file             (const char           *path,
                                                const CrProbeOptions *options,
                                                GCancellable         *cancellable,
                                                GError              **error);
/* The same for a whole file held in memory (read through a memory AVIOContext), named `name`
 * in messages; it has no modification time or identity. For the fuzzer and tests. */
CrProbe             *cr_probe_bytes            (const guint8         *data,
                                                gsize                 len,
                                                const char           *name,
                                                const CrProbeOptions *options,
                                                GError              **error);
void                 cr_probe_free             (CrProbe              *probe);

/* The content identity alone (cheap: two 64 KiB reads), for relinking moved files. */
char                *cr_probe_identity         (const char           *path,
                                                GError              **error);

const CrProbeStream *cr_probe_get_first_stream (const CrProbe        *probe,
                                                CrStreamType          type);
const char          *cr_stream_type_to_string  (CrStreamType          type);
const char          *cr_timecode_source_to_string (CrTimecodeSource   source);

/* Every field, for `casereel probe --json` and for storing as-is. */
JsonNode            *cr_probe_to_json          (const CrProbe        *probe);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrProbe, cr_probe_free)

G_END_DECLS
