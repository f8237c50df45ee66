/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The freedesktop thumbnail cache as another program reads it: Python works out the file's
 * name (MD5 of the file:// URI) and parses the PNG itself (every chunk's CRC, IHDR, tEXt). */

#include <glib.h>

/* For each path, one line: "NAME: WIDTHxHEIGHT, URI ok, MTime ok", or "NAME: none" when the
 * cache has no large thumbnail for it, or what is wrong. CACHE is $XDG_CACHE_HOME. */
static inline char *
thumbnail_check (const char         *cache,
                 const char * const *paths)
{
  static const char script[] =
    "import sys, os, struct, zlib, hashlib, pathlib\n"
    "cache = sys.argv[1]\n"
    "for p in sys.argv[2:]:\n"
    "    uri = pathlib.Path(p).as_uri()\n"
    "    png = os.path.join(cache, 'thumbnails', 'large', hashlib.md5(uri.encode()).hexdigest() + '.png')\n"
    "    name = os.path.basename(p)\n"
    "    if not os.path.exists(png):\n"
    "        print(name + ': none'); continue\n"
    "    d = open(png, 'rb').read(); pos = 8; text = {}; size = None\n"
    "    assert d[:8] == b'\\x89PNG\\r\\n\\x1a\\n', png\n"
    "    while pos < len(d):\n"
    "        n, = struct.unpack('>I', d[pos:pos+4]); t = d[pos+4:pos+8]; body = d[pos+8:pos+8+n]\n"
    "        crc, = struct.unpack('>I', d[pos+8+n:pos+12+n])\n"
    "        assert crc == zlib.crc32(t + body), (png, t)\n"
    "        if t == b'IHDR': size = struct.unpack('>II', body[:8])\n"
    "        if t == b'tEXt':\n"
    "            k, v = body.split(b'\\0', 1); text[k.decode()] = v.decode()\n"
    "        pos += 12 + n\n"
    "    mtime = str(int(os.stat(p).st_mtime))\n"
    "    u = 'URI ok' if text.get('Thumb::URI') == uri else 'URI %r, not %r' % (text.get('Thumb::URI'), uri)\n"
    "    m = 'MTime ok' if text.get('Thumb::MTime') == mtime else 'MTime %r, not %r' % (text.get('Thumb::MTime'), mtime)\n"
    "    print('%s: %dx%d, %s, %s' % (name, size[0], size[1], u, m))\n";
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, "/usr/bin/python3");
  g_ptr_array_add (argv, "-I");
  g_ptr_array_add (argv, "-c");
  g_ptr_array_add (argv, (char *) script);
  g_ptr_array_add (argv, (char *) cache);
  for (guint i = 0; paths[i]; i++)
    g_ptr_array_add (argv, (char *) paths[i]);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, &out, &err, &status, &error))
    g_error ("python3: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3 could not read the cache: %s", err);
  return out;
}

/* Files in $CACHE/thumbnails/large. */
static inline guint
thumbnail_count (const char *cache)
{
  g_autofree char *large = g_build_filename (cache, "thumbnails", "large", NULL);
  g_autoptr(GDir) dir = g_dir_open (large, 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir))
    n++;
  return n;
}
