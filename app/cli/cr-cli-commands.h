/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-cli.h"

G_BEGIN_DECLS

/* Each command lives in a file app/cr-cli-NOUN.c (the planning nouns in cr-cli-plan.c).
 * The table below is the order `casereel --help` shows them in. */
int cr_cli_new         (CrCli *cli, int argc, char **argv);
int cr_cli_production  (CrCli *cli, int argc, char **argv);
int cr_cli_participant (CrCli *cli, int argc, char **argv);
int cr_cli_consent     (CrCli *cli, int argc, char **argv);
int cr_cli_location    (CrCli *cli, int argc, char **argv);
int cr_cli_question    (CrCli *cli, int argc, char **argv);
int cr_cli_interview   (CrCli *cli, int argc, char **argv);
int cr_cli_shot        (CrCli *cli, int argc, char **argv);
int cr_cli_schedule    (CrCli *cli, int argc, char **argv);
int cr_cli_import      (CrCli *cli, int argc, char **argv);
int cr_cli_index       (CrCli *cli, int argc, char **argv);
int cr_cli_clips       (CrCli *cli, int argc, char **argv);
int cr_cli_probe       (CrCli *cli, int argc, char **argv);
int cr_cli_thumb       (CrCli *cli, int argc, char **argv);
int cr_cli_extract     (CrCli *cli, int argc, char **argv);
int cr_cli_clip        (CrCli *cli, int argc, char **argv);
int cr_cli_select      (CrCli *cli, int argc, char **argv);
int cr_cli_marker      (CrCli *cli, int argc, char **argv);
int cr_cli_cut         (CrCli *cli, int argc, char **argv);
int cr_cli_callsheet   (CrCli *cli, int argc, char **argv);
int cr_cli_shotlist    (CrCli *cli, int argc, char **argv);
int cr_cli_releases    (CrCli *cli, int argc, char **argv);
int cr_cli_transcript  (CrCli *cli, int argc, char **argv);
int cr_cli_quotes      (CrCli *cli, int argc, char **argv);
int cr_cli_case_study  (CrCli *cli, int argc, char **argv);

#define CR_CLI_COMMANDS \
  { "production", "show or change the production's title, funder, frame rate …", cr_cli_production }, \
  { "participant", "people who appear or help: interviewees, crew, contacts", cr_cli_participant }, \
  { "consent", "record consent and read a participant's consent history", cr_cli_consent }, \
  { "location", "places", cr_cli_location }, \
  { "question", "the question bank", cr_cli_question }, \
  { "interview", "scheduled interview sessions", cr_cli_interview }, \
  { "shot", "the shot list", cr_cli_shot }, \
  { "schedule", "conflicts, calendar (ics) and CSV export of the schedule", cr_cli_schedule }, \
  { "import", "add participants from a CSV file", cr_cli_import }, \
  { "index", "catalogue the media files in folders", cr_cli_index }, \
  { "clips", "list the catalogue (--offline, --failed, --json)", cr_cli_clips }, \
  { "probe", "what one media file holds: streams, timecode, recorder notes", cr_cli_probe }, \
  { "thumb", "a poster frame, a strip or a waveform as PNG", cr_cli_thumb }, \
  { "extract", "cut a range of a media file into a new file", cr_cli_extract }, \
  { "clip", "log a clip: link, tag, rate, note", cr_cli_clip }, \
  { "select", "ranges of clips worth keeping", cr_cli_select }, \
  { "marker", "notes at a point of a clip", cr_cli_marker }, \
  { "cut", "rough cuts: stringout, consent check, edit-list export and import", cr_cli_cut }, \
  { "callsheet", "a shoot day's call sheet as PDF", cr_cli_callsheet }, \
  { "shotlist", "the shot list as PDF, with a tick box per shot", cr_cli_shotlist }, \
  { "releases", "the release tracker (consent per participant) as PDF or CSV", cr_cli_releases }, \
  { "transcript", "what was said in a clip: import, show, export, search", cr_cli_transcript }, \
  { "quotes", "the quotes for a written case study, attributed as consent allows", cr_cli_quotes }, \
  { "case-study", "a draft written case study with its quotes (.docx or .md)", cr_cli_case_study },

G_END_DECLS
