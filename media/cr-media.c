/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>

#include "cr-media.h"
#include "cr-av-private.h"

G_DEFINE_QUARK (cr-media-error-quark, cr_media_error)

/* For `casereel --version` and bug reports: which FFmpeg we actually run against. */
char *
cr_media_describe_libraries (void)
{
  return g_strdup_printf ("FFmpeg %s (libavformat %u.%u, libavcodec %u.%u)",
                          av_version_info (),
                          AV_VERSION_MAJOR (avformat_version ()), AV_VERSION_MINOR (avformat_version ()),
                          AV_VERSION_MAJOR (avcodec_version ()), AV_VERSION_MINOR (avcodec_version ()));
}

/* FFmpeg logs to stderr by default; a user wants our one-line errors, not its chatter. Its
 * messages go to g_debug instead (G_MESSAGES_DEBUG=casereel-media shows them). */
void
cr_media_init (void)
{
  cr_av_init ();
}
