/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-lang.c — which of en/ru/ky to show, and names with fallback. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-lang.h"

gboolean
aimak_lang_is_valid (const char *lang)
{
  return g_strcmp0 (lang, "en") == 0 || g_strcmp0 (lang, "ru") == 0 ||
         g_strcmp0 (lang, "ky") == 0;
}

/* "ru_RU.UTF-8" → "ru"; anything not ours → "en". */
const char *
aimak_lang_normalize (const char *lang)
{
  if (lang == NULL)
    return "en";
  if (g_str_has_prefix (lang, "ru"))
    return "ru";
  if (g_str_has_prefix (lang, "ky"))
    return "ky";
  return "en";
}

const char *
aimak_lang_current (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i]; i++)
    {
      if (g_str_has_prefix (names[i], "ru") || g_str_has_prefix (names[i], "ky"))
        return aimak_lang_normalize (names[i]);
      if (g_str_has_prefix (names[i], "en"))
        return "en";
    }
  return "en";
}

static gboolean
has_text (const char *s)
{
  return s != NULL && *s != '\0';
}

/* Kyrgyz falls back to Russian, Russian to Kyrgyz (level-3 Russian names are
 * missing, and the Cyrillic Kyrgyz name reads better than a transliteration),
 * and everything to English, which the reference data always has. */
const char *
aimak_lang_pick (const char *lang,
                 const char *en,
                 const char *ru,
                 const char *ky)
{
  lang = aimak_lang_normalize (lang);
  if (strcmp (lang, "ky") == 0)
    return has_text (ky) ? ky : has_text (ru) ? ru : en;
  if (strcmp (lang, "ru") == 0)
    return has_text (ru) ? ru : has_text (ky) ? ky : en;
  return has_text (en) ? en : has_text (ru) ? ru : ky;
}

/* Workbook headers follow the export language, not the UI language: switch
 * the message catalogue for one lookup. Not thread-safe with concurrent
 * gettext calls in other languages, so exports serialise through a mutex. */
const char *
aimak_lang_gettext (const char *lang,
                    const char *msgid)
{
  static GMutex lock;
  static GHashTable *cache;  /* "lang\x1fmsgid" → translation */
  g_autofree char *key = NULL;
  const char *result;

  lang = aimak_lang_normalize (lang);
  if (strcmp (lang, "en") == 0)
    return msgid;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  key = g_strconcat (lang, "\x1f", msgid, NULL);
  result = g_hash_table_lookup (cache, key);
  if (result == NULL)
    {
      const char *saved_env = g_getenv ("LANGUAGE");
      g_autofree char *saved = g_strdup (saved_env);
      g_autofree char *locale = g_strdup (setlocale (LC_MESSAGES, NULL));
      char *translated;

      /* GNU gettext consults LANGUAGE first when the locale is not "C". */
      g_setenv ("LANGUAGE", lang, TRUE);
      if (locale == NULL || strcmp (locale, "C") == 0 || strcmp (locale, "POSIX") == 0)
        setlocale (LC_MESSAGES, "C.UTF-8");
      {
        extern int _nl_msg_cat_cntr;
        ++_nl_msg_cat_cntr;
      }
      translated = g_strdup (dgettext (GETTEXT_PACKAGE, msgid));
      if (saved)
        g_setenv ("LANGUAGE", saved, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      if (locale)
        setlocale (LC_MESSAGES, locale);
      {
        extern int _nl_msg_cat_cntr;
        ++_nl_msg_cat_cntr;
      }
      g_hash_table_insert (cache, g_steal_pointer (&key), translated);
      result = translated;
    }
  g_mutex_unlock (&lock);
  return result;
}
