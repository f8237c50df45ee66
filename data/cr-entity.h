/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* The planning model is described by tables of fields, so that validation, the store,
 * the command line, JSON and CSV all speak about the same fields in the same words. */

typedef enum
{
  CR_FIELD_TEXT,      /* one line */
  CR_FIELD_NOTE,      /* free text, newlines allowed */
  CR_FIELD_INT,
  CR_FIELD_BOOL,      /* "1" / "0" */
  CR_FIELD_DATE,      /* YYYY-MM-DD */
  CR_FIELD_DATETIME,  /* stored as UTC "YYYY-MM-DDTHH:MM:SSZ"; typed in the record's time zone */
  CR_FIELD_ENUM,      /* one of choices */
  CR_FIELD_SET,       /* comma-separated choices, in the order of choices */
  CR_FIELD_EMAIL,
  CR_FIELD_PHONE,
  CR_FIELD_TIMEZONE,  /* IANA name */
  CR_FIELD_REF,       /* the id of a row of another entity */
  CR_FIELD_LINKS,     /* ordered ids of rows of another entity, kept in a link table */
  CR_FIELD_DURATION,  /* whole seconds */
  CR_FIELD_RATE,      /* a frame rate as "num/den" */
  CR_FIELD_TIMECODE,  /* HH:MM:SS:FF or HH:MM:SS;FF */
  CR_FIELD_PATH,      /* a file name, kept as typed */
} CrFieldType;

typedef enum
{
  CR_FIELD_REQUIRED = 1 << 0,
  CR_FIELD_READONLY = 1 << 1,  /* shown, never set by the user */
  CR_FIELD_CREATE_ONLY = 1 << 2,  /* set when a row is made, never changed */
  /* The row's place in a list the window reorders by dragging: the command line sets it,
   * a form leaves it out. */
  CR_FIELD_ORDER = 1 << 3,
  /* What tells a row from others of its kind after its label (a person's role, a shot's
   * description): shown under the name where one row is picked from many, and, when it is
   * text, found by a search. */
  CR_FIELD_DESCRIBES = 1 << 4,
} CrFieldFlags;

typedef struct _CrEntity CrEntity;
typedef struct _CrRecord CrRecord;

typedef struct
{
  const char         *name;     /* JSON key and CSV header; the option is --name-with-hyphens */
  const char         *column;   /* SQL column; for LINKS the link table; NULL means name */
  CrFieldType         type;
  CrFieldFlags        flags;
  const char * const *choices;  /* ENUM and SET */
  const CrEntity     *ref;      /* REF and LINKS */
  const char         *blurb;    /* one line for --help */
  gint64              min, max; /* INT, DURATION: inclusive range when min < max */
  /* ENUM: what a new row holds when none is given (its column's DEFAULT, NOT NULL); a form
   * offers no "None" for it and starts a new row at it. */
  const char         *preset;
} CrField;

struct _CrEntity
{
  const char    *name;      /* the user's word: "participant" */
  const char    *plural;    /* "participants" */
  const char    *table;
  const char    *label;     /* the field that names a row: "name", "title", "number" */
  const char    *order_by;  /* SQL for lists */
  const CrField *fields;
  guint          n_fields;
  /* The fields a table of rows shows after the label; NULL: choices, references, times. */
  const char * const *columns;
  /* Checks across fields once each value is normalised; may fill in derived values. */
  gboolean     (*check) (CrDb *db, CrRecord *record, gboolean creating, GError **error);
};

struct _CrRecord
{
  const CrEntity *entity;
  gint64          id;       /* 0 until stored */
  GHashTable     *values;   /* field name -> text (NULL or "" means empty) */
};

/* The entities of a production. */
extern const CrEntity cr_entity_production;
extern const CrEntity cr_entity_participant;
extern const CrEntity cr_entity_consent;
extern const CrEntity cr_entity_location;
extern const CrEntity cr_entity_question;
extern const CrEntity cr_entity_interview;
extern const CrEntity cr_entity_shot;
extern const CrEntity cr_entity_clip;
extern const CrEntity cr_entity_select;
extern const CrEntity cr_entity_marker;
extern const CrEntity cr_entity_cut;
extern const CrEntity cr_entity_event;

/* Choices, shared with reports and the window. */
extern const char * const cr_consent_statuses[];
extern const char * const cr_consent_channels[];
extern const char * const cr_consent_media[];
extern const char * const cr_naming_levels[];

const CrEntity *cr_entity_lookup      (const char *name);
const CrField  *cr_entity_find_field  (const CrEntity *entity, const char *name);
const char     *cr_field_column       (const CrField *field);

CrRecord   *cr_record_new         (const CrEntity *entity);
CrRecord   *cr_record_copy        (const CrRecord *record);
void        cr_record_free        (CrRecord *record);
const char *cr_record_get         (const CrRecord *record, const char *field);
gint64      cr_record_get_int     (const CrRecord *record, const char *field, gint64 fallback);
gboolean    cr_record_has         (const CrRecord *record, const char *field);
void        cr_record_set         (CrRecord *record, const char *field, const char *value);
void        cr_record_take        (CrRecord *record, const char *field, char *value);
/* The ids of a LINKS field, in order. */
GArray     *cr_record_get_ids     (const CrRecord *record, const char *field);
/* The row's name: its label field, or "#ID". */
char       *cr_record_describe    (const CrRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrRecord, cr_record_free)

/* Turns what a user typed into the stored form, or fails with "ENTITY FIELD: reason".
 * `zone` is the time zone for DATETIME fields. REF and LINKS accept ids or names. */
gboolean    cr_field_normalize    (CrDb *db, const CrEntity *entity, const CrField *field,
                                   const char *raw, const char *zone, char **out, GError **error);
/* Whether the frames of @record's timecode field fit @rate (normalised): 00:00:00:25 does not
 * exist at 25 fps. */
gboolean    cr_field_check_timecode_rate (const CrEntity *entity, CrRecord *record,
                                          const char *timecode_field, const char *rate,
                                          GError **error);
gboolean    cr_field_error        (const CrEntity *entity, const CrField *field, GError **error,
                                   const char *format, ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
