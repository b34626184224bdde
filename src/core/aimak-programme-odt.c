/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-programme-odt.c — the programme document as an OpenDocument text (ODF 1.2
 * package) written with libgsf: "mimetype" first and stored, then
 * META-INF/manifest.xml, content.xml (aimak-programme-odt-content.c), styles.xml
 * (named paragraph styles, Heading 1–3 with outline levels, portrait and landscape
 * page styles whose footer says "Page N of M" and whose header carries the demo
 * mark), meta.xml (title, subject, language) and the chart as Pictures/chart.svg.
 * libgsf is the ODF/OOXML package library of GNOME Office (Gnumeric writes its
 * ODF files with it); it is in Debian and in the GNOME SDK.
 * Written to a temporary file beside the target and renamed over it when complete.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-stdio.h>
#include <gsf/gsf-utils.h>

#include "aimak-file-safety.h"
#include "aimak-number.h"
#include "aimak-programme-odt-private.h"

/* libgsf 1.14 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"

#define NS_OFFICE \
  "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
  "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
  "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" " \
  "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" " \
  "xmlns:xlink=\"http://www.w3.org/1999/xlink\" " \
  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" " \
  "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" " \
  "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" " \
  "office:version=\"1.2\""

#define FONT_DECLS \
  "<office:font-face-decls><style:font-face style:name=\"DejaVu Sans\" " \
  "svg:font-family=\"'DejaVu Sans'\" style:font-family-generic=\"swiss\" " \
  "style:font-pitch=\"variable\"/><style:font-face style:name=\"DejaVu Sans Condensed\" " \
  "svg:font-family=\"'DejaVu Sans Condensed'\" style:font-family-generic=\"swiss\" " \
  "style:font-pitch=\"variable\"/></office:font-face-decls>\n"

/* ------------------------------------------------------------ the target */

/* An OpenDocument package ("mimetype" stored first) or a PDF. */
static gboolean
is_document (const char *path)
{
  char head[96] = { 0 };
  gssize n = 0;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  n = read (fd, head, sizeof head - 1);
  close (fd);
  if (n >= 5 && memcmp (head, "%PDF-", 5) == 0)
    return TRUE;
  /* Local file header "PK\3\4", name at offset 30: "mimetype", then its content. */
  return n > 38 + 35 && memcmp (head, "PK\003\004", 4) == 0 && memcmp (head + 30, "mimetype", 8) == 0 &&
         memcmp (head + 38, "application/vnd.oasis.opendocument.", 35) == 0;
}

static AimakTargetVerdict
document_kind (const char *path)
{
  /* Only an ODF package or a PDF (so never a database). Not aimak_file_sniff():
   * it verifies a zip through gettext, and GLib decides once per process, on
   * its first translated message, whether to translate at all — with
   * LANGUAGE=en under LC_ALL=C.UTF-8 the document's labels would stay English. */
  return is_document (path) ? AIMAK_TARGET_OK : AIMAK_TARGET_OTHER_KIND;
}

static const AimakTargetMessage document_messages[] = {
  { AIMAK_TARGET_NO_NAME, AIMAK_PROGRAMME_ERROR_PATH,
    N_("No file name was given for the document.") },
  { AIMAK_TARGET_DATABASE, AIMAK_PROGRAMME_ERROR_REFUSED,
    N_("“%s” is the database; a document must not replace it. Choose another "
       "file name.") },
  { AIMAK_TARGET_IN_BACKUPS, AIMAK_PROGRAMME_ERROR_REFUSED,
    N_("“%s” is in a backups folder, which holds database backups only. Choose "
       "another folder for the document.") },
  { AIMAK_TARGET_FOLDER, AIMAK_PROGRAMME_ERROR_PATH,
    N_("“%s” is a folder or a special file. Choose a file name for the document.") },
  { AIMAK_TARGET_SPECIAL, AIMAK_PROGRAMME_ERROR_PATH,
    N_("“%s” is a folder or a special file. Choose a file name for the document.") },
  { AIMAK_TARGET_READ_ONLY, AIMAK_PROGRAMME_ERROR_PATH, AIMAK_TARGET_READ_ONLY_MESSAGE },
  { AIMAK_TARGET_OTHER_KIND, AIMAK_PROGRAMME_ERROR_REFUSED,
    N_("“%s” exists and is not an ODT or PDF document; it was not replaced. "
       "Choose another file name.") },
  { AIMAK_TARGET_EXISTS, AIMAK_PROGRAMME_ERROR_EXISTS,
    N_("The document “%s” exists already; it was not replaced.") },
  { AIMAK_TARGET_NO_FOLDER, AIMAK_PROGRAMME_ERROR_PATH, AIMAK_TARGET_NO_FOLDER_MESSAGE },
  { AIMAK_TARGET_OK, 0, NULL },
};

gboolean
aimak_programme_check_target (const char  *path,
                              const char  *db_path,
                              gboolean     replace,
                              char       **dir_out,
                              GError     **error)
{
  return aimak_file_check_target (path, db_path, replace, document_kind, AIMAK_PROGRAMME_ERROR,
                                  document_messages, dir_out, error);
}

/* ------------------------------------------------------------ the parts */

static void
language_of (const char  *lang,
             const char **language,
             const char **country)
{
  *language = g_strcmp0 (lang, "ru") == 0 ? "ru" : g_strcmp0 (lang, "ky") == 0 ? "ky" : "en";
  *country = g_strcmp0 (lang, "ru") == 0 ? "RU" : g_strcmp0 (lang, "ky") == 0 ? "KG" : "GB";
}

static const char common_styles[] =
  "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>\n"
  "<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Standard\" style:class=\"text\"><style:paragraph-properties "
  "fo:margin-top=\"0cm\" fo:margin-bottom=\"0.18cm\" fo:line-height=\"115%\"/></style:style>\n"
  "<style:style style:name=\"Heading\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
  "style:next-style-name=\"Text_20_body\" style:class=\"text\"><style:paragraph-properties "
  "fo:margin-top=\"0.42cm\" fo:margin-bottom=\"0.21cm\" fo:keep-with-next=\"always\"/>"
  "<style:text-properties fo:font-weight=\"bold\" style:font-weight-complex=\"bold\" "
  "fo:color=\"#1c3f66\"/></style:style>\n"
  "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Heading\" style:default-outline-level=\"1\" style:class=\"text\">"
  "<style:text-properties fo:font-size=\"16pt\"/></style:style>\n"
  "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Heading\" style:default-outline-level=\"2\" style:class=\"text\">"
  "<style:text-properties fo:font-size=\"13pt\"/></style:style>\n"
  "<style:style style:name=\"Heading_20_3\" style:display-name=\"Heading 3\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Heading\" style:default-outline-level=\"3\" style:class=\"text\">"
  "<style:paragraph-properties fo:margin-top=\"0.3cm\" fo:margin-bottom=\"0.12cm\"/>"
  "<style:text-properties fo:font-size=\"11pt\" fo:color=\"#000000\"/></style:style>\n"
  "<style:style style:name=\"Title\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
  "style:class=\"chapter\"><style:paragraph-properties fo:text-align=\"center\" fo:margin-top=\"4cm\" "
  "fo:margin-bottom=\"0.6cm\"/><style:text-properties fo:font-size=\"22pt\" fo:font-weight=\"bold\" "
  "fo:color=\"#1c3f66\"/></style:style>\n"
  "<style:style style:name=\"Subtitle\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
  "style:class=\"chapter\"><style:paragraph-properties fo:text-align=\"center\" "
  "fo:margin-bottom=\"1.2cm\"/><style:text-properties fo:font-size=\"15pt\"/></style:style>\n"
  "<style:style style:name=\"Demo\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:text-align=\"center\" fo:margin-bottom=\"0.3cm\"/>"
  "<style:text-properties fo:font-weight=\"bold\" fo:color=\"#c0392b\" fo:font-size=\"11pt\"/>"
  "</style:style>\n"
  "<style:style style:name=\"Caption\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
  "style:class=\"extra\"><style:paragraph-properties fo:margin-top=\"0.2cm\" fo:margin-bottom=\"0.1cm\" "
  "fo:keep-with-next=\"always\"/><style:text-properties fo:font-style=\"italic\"/></style:style>\n"
  "<style:style style:name=\"Figure\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:text-align=\"center\" fo:keep-with-next=\"always\"/></style:style>\n"
  "<style:style style:name=\"Table_20_Caption\" style:display-name=\"Table Caption\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Caption\"/>\n"
  "<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">"
  "<style:text-properties fo:font-size=\"9pt\"/></style:style>\n"
  "<style:style style:name=\"Table_20_Number\" style:display-name=\"Table Number\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\" style:class=\"extra\">"
  "<style:paragraph-properties fo:text-align=\"end\"/></style:style>\n"
  "<style:style style:name=\"Table_20_Small\" style:display-name=\"Table Small\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\" style:class=\"extra\">"
  "<style:text-properties fo:font-size=\"8pt\"/></style:style>\n"
  "<style:style style:name=\"Table_20_Small_20_Number\" style:display-name=\"Table Small Number\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Table_20_Small\" style:class=\"extra\">"
  "<style:paragraph-properties fo:text-align=\"end\"/></style:style>\n"
  "<style:style style:name=\"Table_20_Label\" style:display-name=\"Table Label\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\" style:class=\"extra\">"
  "<style:text-properties fo:font-weight=\"bold\"/></style:style>\n"
  "<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\" style:class=\"extra\">"
  "<style:paragraph-properties fo:text-align=\"center\"/><style:text-properties "
  "style:font-name=\"DejaVu Sans Condensed\" fo:font-size=\"8pt\" fo:font-weight=\"bold\"/>"
  "</style:style>\n"
  "<style:style style:name=\"Contents_20_Heading\" style:display-name=\"Contents Heading\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Heading\" style:class=\"index\">"
  "<style:paragraph-properties fo:margin-top=\"1.5cm\"/><style:text-properties fo:font-size=\"14pt\"/>"
  "</style:style>\n"
  "<style:style style:name=\"Contents_20_1\" style:display-name=\"Contents 1\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Standard\" style:class=\"index\"><style:paragraph-properties "
  "fo:margin-bottom=\"0.15cm\"><style:tab-stops><style:tab-stop style:position=\"17cm\" "
  "style:type=\"right\" style:leader-style=\"dotted\" style:leader-text=\".\"/></style:tab-stops>"
  "</style:paragraph-properties></style:style>\n"
  "<style:style style:name=\"Header\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
  "style:class=\"extra\"><style:paragraph-properties fo:text-align=\"center\"/><style:text-properties "
  "fo:font-size=\"8pt\" fo:color=\"#555555\"/></style:style>\n"
  "<style:style style:name=\"Header_20_Demo\" style:display-name=\"Header Demo\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Header\" style:class=\"extra\"><style:text-properties fo:font-size=\"10pt\" "
  "fo:font-weight=\"bold\" fo:color=\"#c0392b\"/></style:style>\n"
  "<style:style style:name=\"Footer\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
  "style:class=\"extra\"><style:paragraph-properties fo:text-align=\"center\"/><style:text-properties "
  "fo:font-size=\"9pt\"/></style:style>\n"
  "<style:style style:name=\"Index_20_Link\" style:display-name=\"Index Link\" style:family=\"text\">"
  "<style:text-properties fo:color=\"#000000\" style:text-underline-style=\"none\"/></style:style>\n"
  "<style:style style:name=\"Strong_20_Emphasis\" style:display-name=\"Strong Emphasis\" "
  "style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style>\n";

static const char page_layouts[] =
  "<style:page-layout style:name=\"pm1\"><style:page-layout-properties fo:page-width=\"21cm\" "
  "fo:page-height=\"29.7cm\" style:print-orientation=\"portrait\" fo:margin-top=\"1.2cm\" "
  "fo:margin-bottom=\"1.2cm\" fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/>"
  "<style:header-style><style:header-footer-properties fo:min-height=\"0.5cm\" "
  "fo:margin-bottom=\"0.4cm\"/></style:header-style><style:footer-style>"
  "<style:header-footer-properties fo:min-height=\"0.5cm\" fo:margin-top=\"0.4cm\"/>"
  "</style:footer-style></style:page-layout>\n"
  "<style:page-layout style:name=\"pm2\"><style:page-layout-properties fo:page-width=\"29.7cm\" "
  "fo:page-height=\"21cm\" style:print-orientation=\"landscape\" fo:margin-top=\"1.2cm\" "
  "fo:margin-bottom=\"1.2cm\" fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/>"
  "<style:header-style><style:header-footer-properties fo:min-height=\"0.5cm\" "
  "fo:margin-bottom=\"0.4cm\"/></style:header-style><style:footer-style>"
  "<style:header-footer-properties fo:min-height=\"0.5cm\" fo:margin-top=\"0.4cm\"/>"
  "</style:footer-style></style:page-layout>\n";

/* "Page {n} of {m}" with the page number and count fields in their places. */
static void
append_page_of (GString              *out,
                const AimakProgramme *p)
{
  const char *t = aimak_programme_label (p, AIMAK_PL_PAGE_OF);
  g_autoptr(GString) plain = g_string_new (NULL);

  g_string_append (out, "<text:p text:style-name=\"Footer\">");
  while (*t)
    {
      if (g_str_has_prefix (t, "{n}") || g_str_has_prefix (t, "{m}"))
        {
          aimak_odt_append_text (out, plain->str);
          g_string_truncate (plain, 0);
          g_string_append (out, t[1] == 'n'
                                ? "<text:page-number text:select-page=\"current\">1</text:page-number>"
                                : "<text:page-count>1</text:page-count>");
          t += 3;
          continue;
        }
      g_string_append_c (plain, *t++);
    }
  aimak_odt_append_text (out, plain->str);
  g_string_append (out, "</text:p>");
}

static void
append_master_page (GString              *out,
                    const AimakProgramme *p,
                    const char           *name,
                    const char           *layout)
{
  g_autofree char *running = g_strdup_printf ("%s — %s, %s",
                                              aimak_programme_label (p, AIMAK_PL_DOC_TITLE),
                                              p->area_name, p->period);

  g_string_append_printf (out, "<style:master-page style:name=\"%s\" style:page-layout-name=\"%s\">"
                               "<style:header>", name, layout);
  /* Demo data is marked on every page. */
  if (p->is_demo)
    {
      g_string_append (out, "<text:p text:style-name=\"Header_20_Demo\">");
      aimak_odt_append_text (out, aimak_programme_label (p, AIMAK_PL_DEMO_MARK));
      g_string_append (out, "</text:p>");
    }
  g_string_append (out, "<text:p text:style-name=\"Header\">");
  aimak_odt_append_text (out, running);
  g_string_append (out, "</text:p></style:header><style:footer>");
  append_page_of (out, p);
  g_string_append (out, "</style:footer></style:master-page>\n");
}

static GString *
styles_xml (const AimakProgramme *p)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles " NS_OFFICE ">\n"
                               FONT_DECLS "<office:styles>\n");
  const char *language, *country;

  language_of (p->lang, &language, &country);
  g_string_append_printf (out, "<style:default-style style:family=\"paragraph\"><style:paragraph-properties "
                               "fo:hyphenation-ladder-count=\"no-limit\" style:writing-mode=\"lr-tb\"/>"
                               "<style:text-properties style:font-name=\"DejaVu Sans\" fo:font-size=\"10pt\" "
                               "fo:language=\"%s\" fo:country=\"%s\" fo:hyphenate=\"false\"/>"
                               "</style:default-style>\n", language, country);
  g_string_append (out, common_styles);
  /* Headings carry no automatic numbers: the section titles are numbered. */
  g_string_append (out, "<text:outline-style style:name=\"Outline\">");
  for (int level = 1; level <= 10; level++)
    g_string_append_printf (out, "<text:outline-level-style text:level=\"%d\" style:num-format=\"\"/>", level);
  g_string_append (out, "</text:outline-style>\n</office:styles>\n<office:automatic-styles>\n");
  g_string_append (out, page_layouts);
  g_string_append (out, "</office:automatic-styles>\n<office:master-styles>\n");
  append_master_page (out, p, "Standard", "pm1");
  append_master_page (out, p, "Landscape", "pm2");
  g_string_append (out, "</office:master-styles>\n</office:document-styles>\n");
  return out;
}

static const char content_auto_styles[] =
  "<style:style style:name=\"P_Break\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_1\">"
  "<style:paragraph-properties fo:break-before=\"page\"/></style:style>\n"
  "<style:style style:name=\"P_Landscape\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_1\" "
  "style:master-page-name=\"Landscape\"/>\n"
  "<style:style style:name=\"P_Portrait\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_1\" "
  "style:master-page-name=\"Standard\"/>\n"
  "<style:style style:name=\"Row\" style:family=\"table-row\"><style:table-row-properties "
  "fo:keep-together=\"always\"/></style:style>\n"
  "<style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-properties "
  "fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #808080\"/></style:style>\n"
  "<style:style style:name=\"CellHead\" style:family=\"table-cell\"><style:table-cell-properties "
  "fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #808080\" fo:background-color=\"#e4eaf2\" "
  "style:vertical-align=\"middle\"/></style:style>\n"
  "<style:style style:name=\"Sect_TOC\" style:family=\"section\"><style:section-properties "
  "style:editable=\"false\"/></style:style>\n"
  "<style:style style:name=\"Chart\" style:family=\"graphic\"><style:graphic-properties "
  "style:vertical-pos=\"top\" style:vertical-rel=\"baseline\" fo:border=\"none\"/></style:style>\n";

static GString *
content_xml (AimakOdtContent *c)
{
  GString *out = g_string_sized_new (c->body->len + c->styles->len + 4096);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content " NS_OFFICE ">\n"
                        FONT_DECLS "<office:automatic-styles>\n");
  g_string_append (out, content_auto_styles);
  g_string_append_len (out, c->styles->str, c->styles->len);
  g_string_append (out, "</office:automatic-styles>\n<office:body><office:text>\n");
  g_string_append_len (out, c->body->str, c->body->len);
  g_string_append (out, "</office:text></office:body>\n</office:document-content>\n");
  return out;
}

static GString *
meta_xml (const AimakProgramme *p)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta " NS_OFFICE ">"
                               "<office:meta><meta:generator>Aimak/" PACKAGE_VERSION "</meta:generator>");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *subject = g_strdup_printf ("%s (%s), %s", p->area_name, p->area_code, p->period);
  const char *language, *country;

  language_of (p->lang, &language, &country);
  g_string_append (out, "<dc:title>");
  aimak_odt_append_text (out, p->title);
  g_string_append (out, "</dc:title><dc:subject>");
  aimak_odt_append_text (out, subject);
  g_string_append (out, "</dc:subject><meta:keyword>");
  aimak_odt_append_text (out, p->area_code);
  g_string_append_printf (out, "</meta:keyword><dc:language>%s-%s</dc:language>"
                               "<meta:creation-date>%s</meta:creation-date><dc:date>%s</dc:date>"
                               "</office:meta></office:document-meta>\n", language, country, stamp, stamp);
  return out;
}

static GString *
manifest_xml (gboolean with_chart)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
                               "manifest:version=\"1.2\">\n"
                               " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
                               "manifest:media-type=\"" ODT_MIMETYPE "\"/>\n"
                               " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
                               " <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
                               " <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n");
  if (with_chart)
    g_string_append (out, " <manifest:file-entry manifest:full-path=\"Pictures/chart.svg\" "
                          "manifest:media-type=\"image/svg+xml\"/>\n");
  g_string_append (out, "</manifest:manifest>\n");
  return out;
}

/* ------------------------------------------------------------ the chart */

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

GString *
aimak_odt_chart_svg (const AimakProgramme *p)
{
  GString *out = g_string_new (NULL);
  const double w = 640, h = 280, left = 70, right = 20, top = 36, bottom = 40;
  double max = 0, step, slot;
  guint n = p->chart->len;

  for (guint i = 0; i < n; i++)
    {
      AimakProgrammeChartPoint *pt = g_ptr_array_index (p->chart, i);
      max = MAX (max, MAX (pt->women.value, pt->men.value));
    }
  /* A round top for the axis: 1, 2 or 5 times a power of ten. */
  step = max > 0 ? pow (10, floor (log10 (max))) : 1;
  while (step * 5 < max)
    step *= 2;
  max = ceil (max / step) * step;
  if (max <= 0)
    max = 1;
  slot = (w - left - right) / MAX (n, 1);
  g_string_append_printf (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                               "width=\"16cm\" height=\"7cm\" viewBox=\"0 0 %.0f %.0f\" "
                               "font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\">\n", w, h);
  for (double v = 0; v <= max + step / 2; v += step)
    {
      double y = top + (h - top - bottom) * (1 - v / max);
      g_autofree char *label = aimak_number_format (v, 0, p->lang);

      g_string_append_printf (out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#cccccc\"/>"
                                   "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                              left, y, w - right, y, left - 6, y + 4, label);
    }
  for (guint i = 0; i < n; i++)
    {
      AimakProgrammeChartPoint *pt = g_ptr_array_index (p->chart, i);
      double x = left + slot * i + slot * 0.15, bw = slot * 0.35;
      double hw = (h - top - bottom) * pt->women.value / max, hm = (h - top - bottom) * pt->men.value / max;
      g_autofree char *label = g_markup_escape_text (pt->label, -1);

      g_string_append_printf (out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#b5446e\"/>"
                                   "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#2e6da4\"/>"
                                   "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
                              x, h - bottom - hw, bw, hw, x + bw, h - bottom - hm, bw, hm,
                              x + bw, h - bottom + 16, label);
    }
  g_string_append_printf (out, "<rect x=\"%.0f\" y=\"8\" width=\"12\" height=\"12\" fill=\"#b5446e\"/>"
                               "<text x=\"%.0f\" y=\"18\">", left, left + 16);
  append_escaped (out, aimak_programme_label (p, AIMAK_PL_COL_WOMEN));
  g_string_append_printf (out, "</text><rect x=\"%.0f\" y=\"8\" width=\"12\" height=\"12\" fill=\"#2e6da4\"/>"
                               "<text x=\"%.0f\" y=\"18\">", left + 140, left + 156);
  append_escaped (out, aimak_programme_label (p, AIMAK_PL_COL_MEN));
  g_string_append (out, "</text>\n</svg>\n");
  return out;
}

/* ------------------------------------------------------------ the package */

static gboolean
add_part (GsfOutfile  *zip,
          const char  *name,
          GString     *data,
          gboolean     stored,
          GError     **error)
{
  g_autoptr(GsfOutput) child = NULL;

  child = stored ? gsf_outfile_new_child_full (zip, name, FALSE, "compression-level", GSF_ZIP_STORED, NULL)
                 : gsf_outfile_new_child (zip, name, FALSE);
  if (child == NULL || !gsf_output_write (child, data->len, (const guint8 *) data->str) ||
      !gsf_output_close (child))
    {
      const GError *e = child ? gsf_output_error (child) : NULL;
      g_set_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_WRITE,
                   _("The document could not be written: %s"), e ? e->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_folder_part (GsfOutfile  *zip,
                 const char  *folder,
                 const char  *name,
                 GString     *data,
                 GError     **error)
{
  g_autoptr(GsfOutput) dir = gsf_outfile_new_child (zip, folder, TRUE);
  gboolean ok;

  if (dir == NULL)
    {
      g_set_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_WRITE,
                   _("The document could not be written: %s"), folder);
      return FALSE;
    }
  ok = add_part (GSF_OUTFILE (dir), name, data, FALSE, error);
  return gsf_output_close (dir) && ok;
}

static gboolean
write_package (const AimakProgramme *p,
               AimakOdtContent      *c,
               const char           *tmp,
               GError              **error)
{
  g_autoptr(GsfOutput) sink = NULL;
  g_autoptr(GsfOutfile) zip = NULL;
  g_autoptr(GString) mimetype = g_string_new (ODT_MIMETYPE);
  g_autoptr(GString) manifest = manifest_xml (c->svg != NULL);
  g_autoptr(GString) content = content_xml (c);
  g_autoptr(GString) styles = styles_xml (p);
  g_autoptr(GString) meta = meta_xml (p);
  GError *local_error = NULL;
  gboolean ok;

  sink = gsf_output_stdio_new (tmp, &local_error);
  if (sink)
    zip = gsf_outfile_zip_new (sink, &local_error);
  if (zip == NULL)
    {
      g_set_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_WRITE,
                   _("The document could not be written: %s"),
                   local_error ? local_error->message : tmp);
      g_clear_error (&local_error);
      return FALSE;
    }
  /* ODF: "mimetype" first, stored, so that a reader can identify the package. */
  ok = add_part (zip, "mimetype", mimetype, TRUE, error) &&
       add_folder_part (zip, "META-INF", "manifest.xml", manifest, error) &&
       add_part (zip, "content.xml", content, FALSE, error) &&
       add_part (zip, "styles.xml", styles, FALSE, error) &&
       add_part (zip, "meta.xml", meta, FALSE, error) &&
       (c->svg == NULL || add_folder_part (zip, "Pictures", "chart.svg", c->svg, error));
  if (!gsf_output_close (GSF_OUTPUT (zip)) && ok)
    {
      const GError *e = gsf_output_error (GSF_OUTPUT (zip));
      g_set_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_WRITE,
                   _("The document could not be written: %s"), e ? e->message : tmp);
      ok = FALSE;
    }
  if (!gsf_output_close (sink) && ok)
    {
      const GError *e = gsf_output_error (sink);
      g_set_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_WRITE,
                   _("The document could not be written: %s"), e ? e->message : tmp);
      ok = FALSE;
    }
  return ok;
}

static char *
create_temp (const char  *dir,
             const char  *path,
             GError     **error)
{
  int saved = 0;
  char *tmp = aimak_file_create_temp_beside (dir, path, &saved);

  if (tmp == NULL)
    {
      g_autofree char *shown = g_filename_display_name (dir);
      g_set_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_PATH,
                   _("The document cannot be written in the folder “%s”: %s"), shown,
                   g_strerror (saved));
    }
  return tmp;
}

gboolean
aimak_programme_write_odt (const AimakProgramme *programme,
                           const char           *path,
                           const char           *db_path,
                           gboolean              replace,
                           GCancellable         *cancellable,
                           GError              **error)
{
  AimakOdtContent c = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (programme != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!aimak_programme_check_target (path, db_path, replace, &dir, error))
    return FALSE;
  gsf_init ();
  c.p = programme;
  c.cancellable = cancellable;
  c.styles = g_string_new (NULL);
  c.body = g_string_sized_new (64 * 1024);
  if (!aimak_odt_content (&c, error))
    goto out;
  tmp = create_temp (dir, path, error);
  if (tmp == NULL)
    goto out;
  if (!write_package (programme, &c, tmp, error))
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  /* The data must be on disk before the rename makes it the file people open. */
  {
    int fd = g_open (tmp, O_RDONLY | O_CLOEXEC, 0);
    if (fd >= 0)
      {
        fsync (fd);
        close (fd);
      }
  }
  /* Checked again: the target may have appeared while the document was written. */
  if (!aimak_programme_check_target (path, db_path, replace, NULL, error))
    goto out;
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (path);
      g_set_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_WRITE,
                   _("The document “%s” could not be written: %s"), shown, g_strerror (saved));
      goto out;
    }
  g_clear_pointer (&tmp, g_free);
  ok = TRUE;

out:
  if (tmp)
    g_unlink (tmp);
  g_string_free (c.styles, TRUE);
  g_string_free (c.body, TRUE);
  if (c.svg)
    g_string_free (c.svg, TRUE);
  return ok;
}
