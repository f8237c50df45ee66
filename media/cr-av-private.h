/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* FFmpeg plumbing shared by the files of media/. Private: nothing outside media/ includes
 * this header, so that no AV* type leaves the layer. */

#include <gio/gio.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
#include <libswscale/swscale.h>

#include "cr-media.h"
#include "cr-timecode.h"

G_BEGIN_DECLS

/* Routes FFmpeg's log to g_debug; called by cr_av_open_input. */
void             cr_av_init            (void);

/* Cancellation and a deadline, checked by FFmpeg's I/O through AVIOInterruptCB. */
typedef struct
{
  GCancellable *cancellable;
  gint64        deadline;    /* g_get_monotonic_time () limit, 0 for none */
  gboolean      timed_out;
} CrAvInterrupt;

void             cr_av_interrupt_init  (CrAvInterrupt  *irq,
                                        GCancellable   *cancellable,
                                        gint64          timeout_us);
AVIOInterruptCB  cr_av_interrupt_callback (CrAvInterrupt *irq);
/* TRUE and an error (cancelled or timed out) when the work must stop. */
gboolean         cr_av_interrupted     (CrAvInterrupt  *irq,
                                        const char     *path,
                                        GError        **error);

/* Sets a one-line error naming the file: "PATH: WHAT: FFmpeg's reason". I/O, cancellation,
 * timeout and missing codecs get their own codes; anything else gets `code`. */
void             cr_av_set_error       (GError        **error,
                                        CrAvInterrupt  *irq,
                                        const char     *path,
                                        int             averr,
                                        CrMediaError    code,
                                        const char     *what);

/* Opens a media file for reading with the interrupt in place. `head` (optional) is the start
 * of the file, already read and followed by AVPROBE_PADDING_SIZE zero bytes: it lets us tell
 * "not media" (no format matches) from "damaged" (a format matches, its header does not
 * parse). */
AVFormatContext *cr_av_open_input      (const char     *path,
                                        CrAvInterrupt  *irq,
                                        const guint8   *head,
                                        gsize           head_len,
                                        AVDictionary  **options,
                                        GError        **error);

/* Whether the header alone says what each audio and video stream is (codec, size, rate) and
 * how long the file is; when not, cr_av_find_stream_info looks at packets, within bounds. */
gboolean         cr_av_header_is_enough (AVFormatContext *ic);
gboolean         cr_av_find_stream_info (AVFormatContext *ic,
                                         CrAvInterrupt   *irq,
                                         const char      *path,
                                         GError         **error);

/* A decoder for one stream, opened; threads as given (0: FFmpeg picks). */
AVCodecContext  *cr_av_open_decoder    (AVStream       *stream,
                                        int             threads,
                                        const char     *path,
                                        GError        **error);

/* Writes a thumbnail cache file through a temp name in the same folder, renamed into place.
 * Not for the user's outputs (cr_output_write_file): a cache folder holds thousands of files
 * and is not searched for a killed run's temps on every write. */
gboolean         cr_av_write_file      (const char     *out_path,
                                        GBytes         *bytes,
                                        int             mode,
                                        GError        **error);

/* Microseconds to a stream timestamp, rounded down: the frame shown at a time is the last one
 * that starts at or before it. */
gint64           cr_av_usec_to_ts      (gint64          usec,
                                        AVRational      time_base);

/* Seeks `st` to the keyframe at or before `target` (its time base). A container without an
 * index can land past it: call again with attempt 1, 2, … to start 1 s, 4 s, 16 s … earlier.
 * Returns TRUE when this attempt read from `start`, so that no earlier one is possible. */
gboolean         cr_av_seek_before     (AVFormatContext *ic,
                                        AVStream        *st,
                                        gint64           start,
                                        gint64           target,
                                        int              attempt);

/* Rates as stored (2997/100, 60000/2002) snapped to the rate they mean (30000/1001). */
CrRate           cr_av_snap_rate       (AVRational      rate);
/* Degrees clockwise to show the stream upright (0, 90, 180, 270), from its display matrix. */
int              cr_av_stream_rotation (AVStream       *stream);

static inline void
cr_av_close_input (AVFormatContext *ic)
{
  avformat_close_input (&ic);
}

static inline void
cr_av_free_codec (AVCodecContext *ctx)
{
  avcodec_free_context (&ctx);
}

static inline void
cr_av_free_frame (AVFrame *frame)
{
  av_frame_free (&frame);
}

static inline void
cr_av_free_packet (AVPacket *pkt)
{
  av_packet_free (&pkt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AVFormatContext, cr_av_close_input)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AVCodecContext, cr_av_free_codec)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AVFrame, cr_av_free_frame)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AVPacket, cr_av_free_packet)
typedef struct SwsContext CrSwsContext;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrSwsContext, sws_freeContext)

G_END_DECLS
