/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-strings.c — the workbook's labels in en/ru/ky (see the header for why
 * this is a table and not gettext). Russian follows the usual terms of Russian-language
 * municipal planning documents in Kyrgyzstan; Kyrgyz is literary Kyrgyz. GCM is
 * abbreviated ГДМ in Russian (as IOM's Russian texts do) and МГК in Kyrgyz; SDG is
 * ЦУР in Russian and ТӨМ in Kyrgyz, as in the official national SDG reports.
 * Every term here is the one of po/glossary.csv, the same as in the interface catalogues
 * and the code lists, so that a reader meets one word per concept; tests/check-glossary.py
 * holds this table to it.
 */
#include "config.h"

#include <string.h>

#include "aimak-export-strings.h"

typedef struct
{
  const char *en;
  const char *ru;
  const char *ky;
} Label;

static const Label labels[AIMAK_XS_N_STRINGS] = {
  [AIMAK_XS_SHEET_COVER] = { "Cover", "Титульный лист", "Титулдук барак" },
  [AIMAK_XS_SHEET_PROFILE] = { "Profile", "Профиль", "Профиль" },
  [AIMAK_XS_SHEET_PRIORITIES] = { "Priorities", "Приоритеты", "Артыкчылыктар" },
  [AIMAK_XS_SHEET_INDICATORS] = { "Indicators", "Показатели", "Көрсөткүчтөр" },
  [AIMAK_XS_SHEET_CAPACITY] = { "Capacity building", "Наращивание потенциала",
                                "Потенциалды өнүктүрүү" },
  [AIMAK_XS_SHEET_BUDGET] = { "Gender budget", "Гендерный бюджет", "Гендердик бюджет" },
  [AIMAK_XS_SHEET_ALIGNMENT] = { "Alignment", "Связь с ГДМ и ЦУР", "МГК жана ТӨМ менен байланыш" },

  [AIMAK_XS_TITLE_COVER] = {
    "Local development priorities: migration and gender",
    "Приоритеты местного развития: миграция и гендер",
    "Жергиликтүү өнүгүүнүн артыкчылыктары: миграция жана гендер" },
  [AIMAK_XS_TITLE_PROFILE] = {
    "Area profile: indicators by sex, latest year",
    "Профиль территории: показатели в разбивке по полу, последний год",
    "Аймактын профили: жыныс боюнча көрсөткүчтөр, акыркы жыл" },
  [AIMAK_XS_TITLE_PRIORITIES] = {
    "Development priorities",
    "Приоритеты развития",
    "Өнүгүүнүн артыкчылыктары" },
  [AIMAK_XS_TITLE_INDICATORS] = {
    "Indicators of the priorities by sex",
    "Показатели приоритетов в разбивке по полу",
    "Артыкчылыктардын жыныс боюнча көрсөткүчтөрү" },
  [AIMAK_XS_TITLE_CAPACITY] = {
    "Capacity building: activities and participants",
    "Наращивание потенциала: мероприятия и участники",
    "Потенциалды өнүктүрүү: иш-чаралар жана катышуучулар" },
  [AIMAK_XS_TITLE_BUDGET] = {
    "Gender budget: budget by gender marker and funding source",
    "Гендерный бюджет: бюджет по гендерному маркеру и источникам финансирования",
    "Гендердик бюджет: гендердик маркер жана каржылоо булактары боюнча бюджет" },
  [AIMAK_XS_TITLE_ALIGNMENT] = {
    "Alignment with the Global Compact for Migration and the SDGs",
    "Связь с Глобальным договором о миграции и Целями устойчивого развития",
    "Миграция боюнча глобалдык келишим жана Туруктуу өнүгүү максаттары менен байланыш" },

  [AIMAK_XS_ABOUT_PROFILE] = {
    "Indicators of the areas by sex for the latest year, with their sources",
    "Показатели территорий в разбивке по полу за последний год, с источниками",
    "Аймактардын акыркы жылдагы жыныс боюнча көрсөткүчтөрү, булактары менен" },
  [AIMAK_XS_ABOUT_PRIORITIES] = {
    "Development priorities with gender marker, budget, status and decisions",
    "Приоритеты развития с гендерным маркером, бюджетом, статусом и решениями",
    "Гендердик маркери, бюджети, абалы жана чечимдери менен өнүгүү артыкчылыктары" },
  [AIMAK_XS_ABOUT_INDICATORS] = {
    "Baseline, target and actual values of each priority for women and men",
    "Исходные, целевые и фактические значения каждого приоритета для женщин и мужчин",
    "Ар бир артыкчылыктын аялдар жана эркектер үчүн баштапкы, максаттуу жана "
    "иш жүзүндөгү маанилери" },
  [AIMAK_XS_ABOUT_CAPACITY] = {
    "Trainings and other activities with participants by role and sex",
    "Тренинги и другие мероприятия с участниками по ролям и полу",
    "Тренингдер жана башка иш-чаралар, катышуучулар ролу жана жынысы боюнча" },
  [AIMAK_XS_ABOUT_BUDGET] = {
    "Budget by gender marker and by funding source, calculated from the priorities",
    "Бюджет по гендерному маркеру и источникам финансирования, рассчитанный по приоритетам",
    "Артыкчылыктардан эсептелген, гендердик маркер жана каржылоо булагы боюнча бюджет" },
  [AIMAK_XS_ABOUT_ALIGNMENT] = {
    "Which GCM objectives and SDG targets each priority supports",
    "Какие цели ГДМ и задачи ЦУР поддерживает каждый приоритет",
    "Ар бир артыкчылык МГКнын кайсы максаттарын жана ТӨМдүн кайсы милдеттерин колдойт" },

  [AIMAK_XS_COL_SECTION] = { "Section", "Раздел", "Бөлүм" },
  [AIMAK_XS_COL_ITEM] = { "Item", "Пункт", "Пункт" },
  [AIMAK_XS_COL_VALUE] = { "Value", "Значение", "Маани" },
  [AIMAK_XS_COL_NOTE] = { "Note", "Примечание", "Эскертүү" },
  [AIMAK_XS_SECTION_ABOUT] = { "About this workbook", "О книге", "Китеп жөнүндө" },
  [AIMAK_XS_SECTION_CONTENTS] = { "Contents", "Содержание", "Мазмуну" },
  [AIMAK_XS_SECTION_SOURCES] = { "Data sources", "Источники данных", "Маалымат булактары" },
  [AIMAK_XS_SECTION_MARKER] = { "Gender equality marker", "Маркер гендерного равенства",
                                "Гендердик теңчилик маркери" },
  [AIMAK_XS_SECTION_STATUS] = { "Status of a priority", "Статус приоритета",
                                "Артыкчылыктын абалы" },
  [AIMAK_XS_SECTION_NOTES] = { "Notes", "Примечания", "Эскертүүлөр" },
  [AIMAK_XS_ITEM_AREAS] = { "Area(s)", "Территория", "Аймак(тар)" },
  [AIMAK_XS_ITEM_PROGRAMME_START] = { "Programme period: first year",
                                      "Период программы: первый год",
                                      "Программанын мезгили: биринчи жылы" },
  [AIMAK_XS_ITEM_PROGRAMME_END] = { "Programme period: last year",
                                    "Период программы: последний год",
                                    "Программанын мезгили: акыркы жылы" },
  [AIMAK_XS_ITEM_PREPARED_BY] = { "Prepared by", "Подготовил", "Даярдаган" },
  [AIMAK_XS_ITEM_PREPARED_ON] = { "Prepared on", "Дата подготовки", "Даярдалган күнү" },
  [AIMAK_XS_ITEM_N_PRIORITIES] = { "Number of priorities", "Число приоритетов",
                                   "Артыкчылыктардын саны" },
  [AIMAK_XS_ITEM_N_ACTIVITIES] = { "Number of capacity-building activities",
                                   "Число мероприятий по наращиванию потенциала",
                                   "Потенциалды өнүктүрүү боюнча иш-чаралардын саны" },
  [AIMAK_XS_ITEM_LANGUAGE] = { "Language", "Язык", "Тили" },
  [AIMAK_XS_LANGUAGE_NAME] = { "English", "Русский", "Кыргызча" },
  [AIMAK_XS_SOURCE_PLANNERS] = {
    "Priorities and activities: entered by the local planners in Aimak",
    "Приоритеты и мероприятия: внесены местными специалистами по планированию в Aimak",
    "Артыкчылыктар жана иш-чаралар: жергиликтүү пландоочулар Aimak колдонмосуна киргизген" },
  [AIMAK_XS_SOURCE_NONE] = {
    "No indicator values are recorded for the areas of this workbook.",
    "Для территорий этой книги значения показателей не внесены.",
    "Бул китептин аймактары үчүн көрсөткүчтөрдүн маанилери киргизилген эмес." },
  [AIMAK_XS_NOTE_DEMO] = {
    "This workbook contains demo data: rows marked in the column “Demo data” are "
    "invented examples, not real plans.",
    "Книга содержит демонстрационные данные: строки, отмеченные в столбце "
    "«Демо-данные», — придуманные примеры, а не реальные планы.",
    "Бул китепте демо маалыматтар бар: «Демо маалымат» тилкесинде белгиленген саптар "
    "чыныгы пландар эмес, ойдон чыгарылган мисалдар." },
  [AIMAK_XS_NOTE_NO_DEMO] = {
    "No demo data: every row comes from the planners’ records.",
    "Демонстрационных данных нет: все строки взяты из записей специалистов.",
    "Демо маалыматтар жок: бардык саптар пландоочулардын жазууларынан алынган." },
  [AIMAK_XS_NOTE_SUPPRESSED] = {
    "Counts of migrant or returnee women below {n} in an ayil aimak are shown as “<{n}”, "
    "because small numbers can identify people. So that such a count cannot be worked out "
    "by subtraction, the total beside it is hidden too, and so is the total where the "
    "women's or men's count is missing. Each hidden cell is listed under “Hidden values”.",
    "Число женщин-мигрантов или вернувшихся женщин меньше {n} в айылном аймаке показано "
    "как «<{n}»: по малым числам можно узнать людей. Чтобы такое число нельзя было "
    "вычислить вычитанием, итог рядом тоже скрыт, как и итог там, где нет числа женщин "
    "или мужчин. Каждая скрытая ячейка указана в разделе «Скрытые значения».",
    "Айыл аймагында мигрант же кайтып келген аялдардын саны босогодон ({n}) аз болсо, "
    "«<{n}» деп көрсөтүлөт: аз сандар боюнча адамдарды таанып алууга болот. Мындай санды "
    "кемитүү аркылуу эсептеп чыгарууга мүмкүн болбосун үчүн, жанындагы жыйынтык да "
    "жашырылат, аялдардын же эркектердин саны жок жердеги жыйынтык да жашырылат. Ар бир "
    "жашырылган уяча «Жашырылган маанилер» бөлүмүндө көрсөтүлгөн." },
  [AIMAK_XS_NOTE_LARGE] = {
    "This workbook is large, so the priorities carry an autofilter instead of an Excel table.",
    "Книга большая, поэтому у приоритетов вместо таблицы Excel стоит автофильтр.",
    "Китеп чоң болгондуктан, артыкчылыктарда Excel таблицасынын ордуна автофильтр бар." },
  [AIMAK_XS_SCOPE_PILOTS] = { "Pilot areas", "Пилотные территории", "Пилоттук аймактар" },
  [AIMAK_XS_SCOPE_ALL] = { "All areas", "Все территории", "Бардык аймактар" },
  [AIMAK_XS_FOOTER_PAGE] = { "Page &P of &N", "Страница &P из &N", "&N барактын &P-барагы" },

  [AIMAK_XS_COL_AREA] = { "Area", "Территория", "Аймак" },
  [AIMAK_XS_COL_PCODE] = { "P-code", "P-код", "P-код" },
  [AIMAK_XS_COL_RANK] = { "Rank", "Ранг", "Орду" },
  [AIMAK_XS_COL_TITLE] = { "Title", "Название", "Аталышы" },
  [AIMAK_XS_COL_PRIORITY] = { "Priority", "Приоритет", "Артыкчылык" },
  [AIMAK_XS_COL_WOMEN] = { "Women", "Женщины", "Аялдар" },
  [AIMAK_XS_COL_MEN] = { "Men", "Мужчины", "Эркектер" },
  [AIMAK_XS_COL_TOTAL] = { "Total", "Всего", "Бардыгы" },
  [AIMAK_XS_COL_UNIT] = { "Unit", "Единица измерения", "Өлчөө бирдиги" },
  [AIMAK_XS_COL_YEAR] = { "Year", "Год", "Жыл" },
  [AIMAK_XS_COL_SOURCE] = { "Source", "Источник", "Булагы" },
  [AIMAK_XS_COL_INDICATOR] = { "Indicator", "Показатель", "Көрсөткүч" },
  [AIMAK_XS_COL_CODE] = { "Code", "Код", "Коду" },
  [AIMAK_XS_COL_NAME] = { "Name", "Наименование", "Аталышы" },
  [AIMAK_XS_YES] = { "Yes", "Да", "Ооба" },
  [AIMAK_XS_TOTAL_ROW] = { "Total", "Итого", "Жыйынтыгы" },

  [AIMAK_XS_COL_SECTOR] = { "Sector", "Сектор", "Тармак" },
  [AIMAK_XS_COL_TARGET_GROUPS] = { "Target groups", "Целевые группы", "Максаттуу топтор" },
  [AIMAK_XS_COL_MARKER] = { "Gender marker", "Гендерный маркер", "Гендердик маркер" },
  [AIMAK_XS_COL_JUSTIFICATION] = { "Marker justification", "Обоснование маркера",
                                   "Маркердин негиздемеси" },
  [AIMAK_XS_COL_GCM] = { "GCM objectives", "Цели ГДМ", "МГК максаттары" },
  [AIMAK_XS_COL_SDG] = { "SDG targets", "Задачи ЦУР", "ТӨМ милдеттери" },
  [AIMAK_XS_COL_BUDGET] = { "Budget, KGS", "Бюджет, сом", "Бюджет, сом" },
  [AIMAK_XS_COL_FUNDING] = { "Funding source", "Источник финансирования", "Каржылоо булагы" },
  [AIMAK_XS_COL_RESPONSIBLE] = { "Responsible", "Ответственный", "Жооптуу" },
  [AIMAK_XS_COL_PARTNERS] = { "Partners", "Партнёры", "Өнөктөштөр" },
  [AIMAK_XS_COL_START_YEAR] = { "Start year", "Год начала", "Башталыш жылы" },
  [AIMAK_XS_COL_END_YEAR] = { "End year", "Год окончания", "Аяктоо жылы" },
  [AIMAK_XS_COL_STATUS] = { "Status", "Статус", "Абалы" },
  [AIMAK_XS_COL_HEARING_DATE] = { "Public hearing date", "Дата публичных слушаний",
                                  "Коомдук угуунун датасы" },
  [AIMAK_XS_COL_HEARING_WOMEN] = { "Hearing participants: women",
                                   "Участники слушаний: женщины",
                                   "Угуунун катышуучулары: аялдар" },
  [AIMAK_XS_COL_HEARING_MEN] = { "Hearing participants: men",
                                 "Участники слушаний: мужчины",
                                 "Угуунун катышуучулары: эркектер" },
  [AIMAK_XS_COL_DECISION_NO] = { "Kenesh decision no.", "№ решения кенеша",
                                 "Кеңештин чечиминин №" },
  [AIMAK_XS_COL_DECISION_DATE] = { "Kenesh decision date", "Дата решения кенеша",
                                   "Кеңештин чечиминин датасы" },
  [AIMAK_XS_COL_DEMO] = { "Demo data", "Демо-данные", "Демо маалымат" },
  [AIMAK_XS_VALIDATION_MARKER_TITLE] = { "Gender marker", "Гендерный маркер",
                                         "Гендердик маркер" },
  [AIMAK_XS_VALIDATION_MARKER] = {
    "0 = not targeted, 1 = significant, 2 = principal objective",
    "0 — не является целью, 1 — значимая цель, 2 — основная цель",
    "0 — максат эмес, 1 — маанилүү максат, 2 — негизги максат" },
  [AIMAK_XS_VALIDATION_STATUS_TITLE] = { "Status", "Статус", "Абалы" },
  [AIMAK_XS_VALIDATION_STATUS] = {
    "Choose a status from the list.",
    "Выберите статус из списка.",
    "Абалды тизмеден тандаңыз." },
  [AIMAK_XS_NO_PRIORITIES] = {
    "No priorities are recorded for these areas.",
    "Для этих территорий приоритеты не внесены.",
    "Бул аймактар үчүн артыкчылыктар киргизилген эмес." },

  [AIMAK_XS_CHART_PROFILE] = { "Women and men: {area} ({unit})",
                               "Женщины и мужчины: {area} ({unit})",
                               "Аялдар жана эркектер: {area} ({unit})" },
  [AIMAK_XS_SUPPRESSED_TOTAL] = { "hidden", "скрыто", "жашырылган" },
  [AIMAK_XS_NO_INDICATORS] = {
    "No indicator values are recorded for these areas.",
    "Для этих территорий значения показателей не внесены.",
    "Бул аймактар үчүн көрсөткүчтөрдүн маанилери киргизилген эмес." },

  [AIMAK_XS_COL_BASELINE_WOMEN] = { "Baseline: women", "Исходное значение: женщины",
                                    "Баштапкы маани: аялдар" },
  [AIMAK_XS_COL_BASELINE_MEN] = { "Baseline: men", "Исходное значение: мужчины",
                                  "Баштапкы маани: эркектер" },
  [AIMAK_XS_COL_BASELINE_TOTAL] = { "Baseline: total", "Исходное значение: всего",
                                    "Баштапкы маани: бардыгы" },
  [AIMAK_XS_COL_TARGET_WOMEN] = { "Target: women", "Целевое значение: женщины",
                                  "Максаттуу маани: аялдар" },
  [AIMAK_XS_COL_TARGET_MEN] = { "Target: men", "Целевое значение: мужчины",
                                "Максаттуу маани: эркектер" },
  [AIMAK_XS_COL_TARGET_TOTAL] = { "Target: total", "Целевое значение: всего",
                                  "Максаттуу маани: бардыгы" },
  [AIMAK_XS_COL_ACTUAL_WOMEN] = { "Actual: women", "Фактическое значение: женщины",
                                  "Иш жүзүндөгү маани: аялдар" },
  [AIMAK_XS_COL_ACTUAL_MEN] = { "Actual: men", "Фактическое значение: мужчины",
                                "Иш жүзүндөгү маани: эркектер" },
  [AIMAK_XS_COL_ACTUAL_TOTAL] = { "Actual: total", "Фактическое значение: всего",
                                  "Иш жүзүндөгү маани: бардыгы" },
  [AIMAK_XS_NO_PRIORITY_INDICATORS] = {
    "No indicators are recorded for these priorities.",
    "Для этих приоритетов показатели не внесены.",
    "Бул артыкчылыктар үчүн көрсөткүчтөр киргизилген эмес." },

  [AIMAK_XS_COL_DATE] = { "Date", "Дата", "Дата" },
  [AIMAK_XS_COL_TYPE] = { "Type", "Вид", "Түрү" },
  [AIMAK_XS_COL_TOPIC] = { "Topic", "Тема", "Темасы" },
  [AIMAK_XS_COL_FACILITATOR] = { "Facilitator", "Ведущий", "Алып баруучу" },
  [AIMAK_XS_COL_ROLE_WOMEN] = { "{role}: women", "{role}: женщины", "{role}: аялдар" },
  [AIMAK_XS_COL_ROLE_MEN] = { "{role}: men", "{role}: мужчины", "{role}: эркектер" },
  [AIMAK_XS_COL_TOTAL_WOMEN] = { "Women, total", "Всего женщин", "Бардык аялдар" },
  [AIMAK_XS_COL_TOTAL_MEN] = { "Men, total", "Всего мужчин", "Бардык эркектер" },
  [AIMAK_XS_COL_TOTAL_PARTICIPANTS] = { "Participants, total", "Всего участников",
                                        "Бардык катышуучулар" },
  [AIMAK_XS_COL_PRE_SCORE] = { "Knowledge score before", "Оценка знаний до",
                               "Билимди баалоо: чейин" },
  [AIMAK_XS_COL_POST_SCORE] = { "Knowledge score after", "Оценка знаний после",
                                "Билимди баалоо: кийин" },
  [AIMAK_XS_COL_ROLE] = { "Role", "Роль", "Ролу" },
  [AIMAK_XS_PARTICIPANTS_BY_ROLE] = { "Participants by role", "Участники по ролям",
                                      "Ролдор боюнча катышуучулар" },
  [AIMAK_XS_CHART_CAPACITY] = { "Participants by role and sex", "Участники по ролям и полу",
                                "Ролдор жана жыныс боюнча катышуучулар" },
  [AIMAK_XS_NO_ACTIVITIES] = {
    "No capacity-building activities are recorded for these areas.",
    "Для этих территорий мероприятия по наращиванию потенциала не внесены.",
    "Бул аймактар үчүн потенциалды өнүктүрүү боюнча иш-чаралар киргизилген эмес." },

  [AIMAK_XS_COL_BREAKDOWN] = { "Breakdown", "Разбивка", "Бөлүштүрүү" },
  [AIMAK_XS_COL_CATEGORY] = { "Category", "Категория", "Категория" },
  [AIMAK_XS_COL_SHARE] = { "Share of the total", "Доля от общего бюджета",
                           "Жалпы бюджеттеги үлүшү" },
  [AIMAK_XS_BY_MARKER] = { "By gender marker", "По гендерному маркеру",
                           "Гендердик маркер боюнча" },
  [AIMAK_XS_BY_FUNDING] = { "By funding source", "По источникам финансирования",
                            "Каржылоо булагы боюнча" },
  [AIMAK_XS_NO_FUNDING] = { "No funding source given", "Источник не указан",
                            "Булагы көрсөтүлгөн эмес" },
  [AIMAK_XS_TOTAL_BUDGET] = { "Total budget of all proposals (rejected excluded), KGS",
                              "Общий бюджет всех предложений (без отклоненных), сом",
                              "Бардык сунуштардын жалпы бюджети (четке кагылгандарсыз), сом" },
  [AIMAK_XS_BUDGET_ADOPTED] = { "Budget of the adopted programme, KGS",
                                "Бюджет утвержденной программы, сом",
                                "Бекитилген программанын бюджети, сом" },
  [AIMAK_XS_GENDER_BUDGET_ADOPTED] = {
    "Budget with gender marker 1 or 2 in the adopted programme, KGS",
    "Бюджет с гендерным маркером 1 или 2 в утвержденной программе, сом",
    "Бекитилген программадагы гендердик маркери 1 же 2 болгон бюджет, сом" },
  [AIMAK_XS_SHARE_ADOPTED] = { "Gender budget share, adopted programme",
                               "Доля гендерного бюджета, утвержденная программа",
                               "Гендердик бюджеттин үлүшү, бекитилген программа" },
  [AIMAK_XS_SHARE_ADOPTED_DEF] = {
    "Budget of priorities with gender marker 1 or 2 as a share of the budget of approved, "
    "in-progress and completed priorities. Rejected priorities never count.",
    "Бюджет приоритетов с гендерным маркером 1 или 2 как доля бюджета утвержденных, "
    "выполняемых и завершенных приоритетов. Отклоненные приоритеты никогда не учитываются.",
    "Гендердик маркери 1 же 2 болгон артыкчылыктардын бюджети бекитилген, аткарылып "
    "жаткан жана аяктаган артыкчылыктардын бюджетинин үлүшү катары. Четке кагылган "
    "артыкчылыктар эч качан эсепке алынбайт." },
  [AIMAK_XS_SHARE_PROPOSALS] = { "Gender budget share, all proposals",
                                 "Доля гендерного бюджета, все предложения",
                                 "Гендердик бюджеттин үлүшү, бардык сунуштар" },
  [AIMAK_XS_SHARE_PROPOSALS_DEF] = {
    "Budget of priorities with gender marker 1 or 2 as a share of the budget of all "
    "priorities, drafts and those proposed for the public hearing included. Rejected "
    "priorities never count.",
    "Бюджет приоритетов с гендерным маркером 1 или 2 как доля бюджета всех приоритетов, "
    "включая черновики и вынесенные на публичные слушания. Отклоненные приоритеты "
    "никогда не учитываются.",
    "Гендердик маркери 1 же 2 болгон артыкчылыктардын бюджети бардык артыкчылыктардын, "
    "анын ичинде долбоорлордун жана коомдук угууга сунушталгандардын бюджетинин үлүшү "
    "катары. Четке кагылган артыкчылыктар эч качан эсепке алынбайт." },
  [AIMAK_XS_CHART_BUDGET] = { "Budget by gender marker", "Бюджет по гендерному маркеру",
                              "Гендердик маркер боюнча бюджет" },
  [AIMAK_XS_CURRENCY] = { "KGS", "сом", "сом" },

  [AIMAK_XS_GCM_SHORT] = { "GCM {code}", "ГДМ {code}", "МГК {code}" },
  [AIMAK_XS_SDG_SHORT] = { "SDG {code}", "ЦУР {code}", "ТӨМ {code}" },
  [AIMAK_XS_GCM_LONG] = {
    "GCM: Global Compact for Safe, Orderly and Regular Migration (objectives)",
    "ГДМ: Глобальный договор о безопасной, упорядоченной и легальной миграции (цели)",
    "МГК: Коопсуз, тартиптүү жана мыйзамдуу миграция боюнча глобалдык келишим (максаттар)" },
  [AIMAK_XS_SDG_LONG] = {
    "SDG: Sustainable Development Goals (targets)",
    "ЦУР: Цели устойчивого развития (задачи)",
    "ТӨМ: Туруктуу өнүгүү максаттары (милдеттер)" },
  [AIMAK_XS_COVERAGE_ROW] = { "Priorities supporting it", "Число приоритетов",
                              "Артыкчылыктардын саны" },
  [AIMAK_XS_COL_N_LINKS] = { "Objectives and targets", "Целей и задач",
                              "Максаттар жана милдеттер" },
  [AIMAK_XS_LEGEND] = { "Legend", "Условные обозначения", "Шарттуу белгилер" },

  [AIMAK_XS_UNIT_PERSONS] = { "persons", "человек", "адам" },
  [AIMAK_XS_UNIT_PERCENT] = { "%", "%", "%" },
  [AIMAK_XS_UNIT_NUMBER] = { "number", "число", "саны" },
  [AIMAK_XS_UNIT_PER_1000_WOMEN] = { "per 1,000 women", "на 1000 женщин", "1 000 аялга" },
  [AIMAK_XS_UNIT_PER_1000_POP] = { "per 1,000 population", "на 1000 человек населения",
                                   "1 000 калкка" },
  [AIMAK_XS_UNIT_PER_10000_POP] = { "per 10,000 population", "на 10 000 человек населения",
                                    "10 000 калкка" },
  [AIMAK_XS_UNIT_PER_100000_POP] = { "per 100,000 population", "на 100 000 человек населения",
                                     "100 000 калкка" },
  [AIMAK_XS_UNIT_PER_1000_LIVE_BIRTHS] = { "per 1,000 live births", "на 1000 живорождений",
                                           "1 000 тирүү төрөлгөнгө" },
  [AIMAK_XS_UNIT_PER_100000_LIVE_BIRTHS] = { "per 100,000 live births",
                                             "на 100 000 живорождений",
                                             "100 000 тирүү төрөлгөнгө" },
  [AIMAK_XS_UNIT_PER_1000_UNINFECTED_POP] = { "per 1,000 uninfected population",
                                              "на 1000 неинфицированного населения",
                                              "инфекция жуктурбаган 1 000 калкка" },
  [AIMAK_XS_UNIT_PER_100000_WKRS_EMP] = { "per 100,000 employees",
                                          "на 100 000 работников",
                                          "100 000 кызматкерге" },
  [AIMAK_XS_COL_SOURCES_DIFFER] = { "Other sources", "Другие источники", "Башка булактар" },
  [AIMAK_XS_SOURCES_DIFFER] = {
    "other sources with a different value: {n} (each on its own row)",
    "других источников с иным значением: {n} (каждый в своей строке)",
    "башка мааниси бар булактар: {n} (ар бири өз сабында)" },
  [AIMAK_XS_SECTION_HIDDEN] = { "Hidden values", "Скрытые значения", "Жашырылган маанилер" },
  [AIMAK_XS_HIDDEN_SMALL] = {
    "below {n}: small numbers can identify people",
    "меньше {n}: по малым числам можно узнать людей",
    "босогодон ({n}) аз: аз сандар боюнча адамдарды таанып алууга болот" },
  [AIMAK_XS_HIDDEN_COMPLEMENT] = {
    "hidden as well, so that a hidden or missing value cannot be worked out by subtraction",
    "скрыто дополнительно, чтобы скрытое или отсутствующее значение нельзя было "
    "вычислить вычитанием",
    "кемитүү аркылуу жашырылган же жок маанини эсептеп чыгарууга мүмкүн болбосун үчүн "
    "кошумча жашырылган" },
  [AIMAK_XS_HIDDEN_WHAT] = { "{what}: {indicator}, {area}, {year}",
                             "{what}: {indicator}, {area}, {year}",
                             "{what}: {indicator}, {area}, {year}" },
  [AIMAK_XS_CUT_MARK] = { "… [cut]", "… [обрезано]", "… [кыскартылды]" },
  [AIMAK_XS_SECTION_CUT] = { "Shortened texts", "Сокращенные тексты", "Кыскартылган тексттер" },
  [AIMAK_XS_NOTE_CUT] = {
    "longer than the 32,767 characters a cell can hold: cut, marked “[cut]”",
    "длиннее 32 767 знаков, которые вмещает ячейка: обрезано, отмечено «[обрезано]»",
    "уячага батуучу 32 767 белгиден узун: кыскартылды, «[кыскартылды]» деп белгиленди" },

  [AIMAK_XS_COL_PROBLEM] = { "Problem statement", "Описание проблемы", "Көйгөйдүн баяндамасы" },
  [AIMAK_XS_COL_DESCRIPTION] = { "Description", "Описание", "Сүрөттөмө" },
  [AIMAK_XS_CHECKLIST_COL] = { "Checklist: {item}", "Чек-лист: {item}", "Текшерүү тизмеси: {item}" },
  [AIMAK_XS_ANSWER_YES] = { "yes", "да", "ооба" },
  [AIMAK_XS_ANSWER_PARTLY] = { "partly", "частично", "жарым-жартылай" },
  [AIMAK_XS_ANSWER_NO] = { "no", "нет", "жок" },
  [AIMAK_XS_COL_LINKED_PRIORITIES] = { "Linked priorities", "Связанные приоритеты",
                                       "Байланышкан артыкчылыктар" },
  [AIMAK_XS_COL_SOURCE_DESK] = { "Source desk", "Рабочее место-источник", "Булак иш орду" },
  [AIMAK_XS_THIS_DESK] = { "This desk", "Это рабочее место", "Бул иш орду" },
  [AIMAK_XS_DESK_UNNAMED] = { "Desk {id}", "Рабочее место {id}", "{id} иш орду" },
  [AIMAK_XS_SHEET_AREAS] = { "By area", "По территориям", "Аймактар боюнча" },
  [AIMAK_XS_SHEET_RECEIVED] = { "Data received", "Полученные данные", "Алынган маалыматтар" },
  [AIMAK_XS_TITLE_AREAS] = {
    "By area: priorities, budget, gender budget and participants by sex",
    "По территориям: приоритеты, бюджет, гендерный бюджет и участники в разбивке по полу",
    "Аймактар боюнча: артыкчылыктар, бюджет, гендердик бюджет жана катышуучулар жыныс "
    "боюнча" },
  [AIMAK_XS_TITLE_RECEIVED] = {
    "Data received: exchange packages by area and desk",
    "Полученные данные: пакеты обмена по территориям и рабочим местам",
    "Алынган маалыматтар: аймактар жана иш орундары боюнча алмашуу пакеттери" },
  [AIMAK_XS_ABOUT_AREAS] = {
    "Each area's priorities, budget, gender budget share and participants by sex",
    "Приоритеты, бюджет, доля гендерного бюджета и участники в разбивке по полу по каждой "
    "территории",
    "Ар бир аймактын артыкчылыктары, бюджети, гендердик бюджеттин үлүшү жана катышуучулары "
    "жыныс боюнча" },
  [AIMAK_XS_ABOUT_RECEIVED] = {
    "For each area: the last exchange package received, from which desk, and the records "
    "held from that desk",
    "По каждой территории: последний полученный пакет обмена, от какого рабочего места и "
    "сколько записей от него хранится",
    "Ар бир аймак боюнча: акыркы алынган алмашуу пакети, кайсы иш ордунан жана андан "
    "канча жазуу сакталат" },
  [AIMAK_XS_COL_N_PRIORITIES] = { "Priorities", "Приоритеты", "Артыкчылыктар" },
  [AIMAK_XS_COL_BUDGET_PROPOSALS] = { "Budget of all proposals, KGS",
                                      "Бюджет всех предложений, сом",
                                      "Бардык сунуштардын бюджети, сом" },
  [AIMAK_XS_COL_GENDER_BUDGET] = { "Gender budget (marker 1 or 2), KGS",
                                   "Гендерный бюджет (маркер 1 или 2), сом",
                                   "Гендердик бюджет (маркер 1 же 2), сом" },
  [AIMAK_XS_COL_N_ACTIVITIES] = { "Capacity-building activities",
                                  "Мероприятия по наращиванию потенциала",
                                  "Потенциалды өнүктүрүү боюнча иш-чаралар" },
  [AIMAK_XS_NOTE_AREAS] = {
    "Each row counts the records of that area itself in this database (not deleted), from "
    "every desk. Priorities: all, whatever their status. Budget and gender budget: "
    "priorities that are not rejected, as on the Gender budget sheet. Participants: women "
    "and men of every role in the area's activities, as on the Capacity building sheet.",
    "Каждая строка считает записи самой территории в этой базе данных (не удалённые), от "
    "всех рабочих мест. Приоритеты: все, независимо от статуса. Бюджет и гендерный "
    "бюджет: приоритеты, которые не отклонены, как на листе «Гендерный бюджет». "
    "Участники: женщины и мужчины всех ролей в мероприятиях территории, как на листе "
    "«Наращивание потенциала».",
    "Ар бир сап ушул маалымат базасындагы аймактын өзүнүн жазууларын (өчүрүлбөгөн) бардык "
    "иш орундарынан эсептейт. Артыкчылыктар: абалына карабастан бардыгы. Бюджет жана "
    "гендердик бюджет: четке кагылбаган артыкчылыктар, «Гендердик бюджет» барагындагыдай. "
    "Катышуучулар: аймактын иш-чараларындагы бардык ролдордогу аялдар жана эркектер, "
    "«Потенциалды өнүктүрүү» барагындагыдай." },
  [AIMAK_XS_NO_AREA_DATA] = {
    "No area of this workbook has priorities or activities.",
    "Ни у одной территории этой книги Excel нет приоритетов или мероприятий.",
    "Бул Excel китебинин бир да аймагында артыкчылыктар же иш-чаралар жок." },
  [AIMAK_XS_COL_DESK] = { "Desk", "Рабочее место", "Иш орду" },
  [AIMAK_XS_COL_PACKAGE_WRITTEN] = { "Last package written (UTC)",
                                     "Последний пакет записан (UTC)",
                                     "Акыркы пакет жазылган (UTC)" },
  [AIMAK_XS_COL_PACKAGE_RECEIVED] = { "Last package received (UTC)",
                                      "Последний пакет получен (UTC)",
                                      "Акыркы пакет алынган (UTC)" },
  [AIMAK_XS_COL_N_PACKAGES] = { "Packages received", "Получено пакетов", "Алынган пакеттер" },
  [AIMAK_XS_COL_HELD_PRIORITIES] = { "Priorities held from this desk",
                                     "Приоритеты от этого рабочего места",
                                     "Бул иш ордунан артыкчылыктар" },
  [AIMAK_XS_COL_HELD_ACTIVITIES] = { "Activities held from this desk",
                                     "Мероприятия от этого рабочего места",
                                     "Бул иш ордунан иш-чаралар" },
  [AIMAK_XS_COL_HELD_VALUES] = { "Indicator values held from this desk",
                                 "Значения показателей от этого рабочего места",
                                 "Бул иш ордунан көрсөткүчтөрдүн маанилери" },
  [AIMAK_XS_NOTHING_RECEIVED] = { "Nothing received", "Ничего не получено",
                                  "Эч нерсе алынган жок" },
  [AIMAK_XS_NOTE_RECEIVED] = {
    "One row per area and sending desk. Packages whose receipt was undone do not count. "
    "Held: the area's records in this database now (not deleted) that the desk created. "
    "An area of the lowest level without any package says so.",
    "Одна строка на территорию и отправившее рабочее место. Пакеты, получение которых "
    "отменено, не учитываются. Хранится: записи территории в этой базе данных сейчас (не "
    "удалённые), созданные этим рабочим местом. Территория нижнего уровня без пакетов "
    "отмечена.",
    "Ар бир аймак жана жөнөткөн иш орду үчүн бир сап. Алуусу жокко чыгарылган пакеттер "
    "эсептелбейт. Сакталат: ушул иш орду түзгөн, азыр ушул маалымат базасындагы аймактын "
    "жазуулары (өчүрүлбөгөн). Пакети жок эң төмөнкү деңгээлдеги аймак белгиленет." },
  [AIMAK_XS_FORMER_SUM] = {
    "{area}: sum of former areas ({parts})",
    "{area}: сумма бывших территорий ({parts})",
    "{area}: мурдагы аймактардын суммасы ({parts})" },
  [AIMAK_XS_FORMER_SUM_NOTE] = {
    "counts of the former areas before the change of {date}, added up: every value "
    "from this one source and year",
    "численность бывших территорий до изменения {date}, сложенная: все значения из этого "
    "одного источника и года",
    "{date} өзгөрүүсүнө чейинки мурдагы аймактардын сандары кошулган: бардык маанилер ушул "
    "бир булактан жана жылдан" },
  [AIMAK_XS_FORMER_NOT_COMPARABLE] = {
    "former area, now part of {area}: not comparable, not summed (a former area has no "
    "value for this year, or the values come from different sources)",
    "бывшая территория, ныне в составе {area}: несопоставимо, не суммируется (у одной из "
    "бывших территорий нет значения за этот год или значения из разных источников)",
    "мурдагы аймак, азыр {area} курамында: салыштырууга болбойт, кошулбайт (мурдагы "
    "аймактардын биринде бул жылга маани жок же маанилер ар башка булактардан)" },
  [AIMAK_XS_FORMER_RATE] = {
    "former area, now part of {area}: rates and shares are never summed across areas "
    "(not comparable)",
    "бывшая территория, ныне в составе {area}: коэффициенты и доли никогда не суммируются "
    "по территориям (несопоставимы)",
    "мурдагы аймак, азыр {area} курамында: коэффициенттер жана үлүштөр аймактар боюнча эч "
    "качан кошулбайт (салыштырууга болбойт)" },
  [AIMAK_XS_FORMER_PART] = {
    "former area, now (in part) in {area}: not comparable, not summed (only counts of "
    "whole former areas are summed)",
    "бывшая территория, ныне (частично) в составе {area}: несопоставимо, не суммируется "
    "(суммируется только численность целых бывших территорий)",
    "мурдагы аймак, азыр (жарым-жартылай) {area} курамында: салыштырууга болбойт, "
    "кошулбайт (бүтүн мурдагы аймактардын сандары гана кошулат)" },

};

static const struct
{
  const char        *code;
  AimakExportString  id;
} units[] = {
  { "PERSONS", AIMAK_XS_UNIT_PERSONS },
  { "PT", AIMAK_XS_UNIT_PERCENT },
  { "NUMBER", AIMAK_XS_UNIT_NUMBER },
  { "PER_1000_WOMEN", AIMAK_XS_UNIT_PER_1000_WOMEN },
  { "PER_1000_POP", AIMAK_XS_UNIT_PER_1000_POP },
  { "PER_10000_POP", AIMAK_XS_UNIT_PER_10000_POP },
  { "PER_100000_POP", AIMAK_XS_UNIT_PER_100000_POP },
  { "PER_1000_LIVE_BIRTHS", AIMAK_XS_UNIT_PER_1000_LIVE_BIRTHS },
  { "PER_100000_LIVE_BIRTHS", AIMAK_XS_UNIT_PER_100000_LIVE_BIRTHS },
  { "PER_1000_UNINFECTED_POP", AIMAK_XS_UNIT_PER_1000_UNINFECTED_POP },
  { "PER_100000_WKRS_EMP", AIMAK_XS_UNIT_PER_100000_WKRS_EMP },
};

const char *
aimak_export_string (const char        *lang,
                     AimakExportString  id)
{
  const Label *label;

  g_return_val_if_fail (id < AIMAK_XS_N_STRINGS, "");

  label = &labels[id];
  if (g_strcmp0 (lang, "ru") == 0 && label->ru != NULL)
    return label->ru;
  if (g_strcmp0 (lang, "ky") == 0 && label->ky != NULL)
    return label->ky;
  return label->en != NULL ? label->en : "";
}

char *
aimak_export_string_subst (const char        *lang,
                           AimakExportString  id,
                           const char        *key,
                           const char        *value)
{
  g_autofree char *pattern = g_strconcat ("{", key, "}", NULL);
  g_auto(GStrv) parts = g_strsplit (aimak_export_string (lang, id), pattern, -1);

  return g_strjoinv (value ? value : "", parts);
}

const char *
aimak_export_unit_label (const char *lang,
                         const char *unit)
{
  if (unit == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (units[i].code, unit) == 0)
      return aimak_export_string (lang, units[i].id);
  return unit;
}
