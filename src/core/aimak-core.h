/* aimak-core.h — everything the app, the CLI and the tests use from core. */
#pragma once

#include "aimak-activity.h"
#include "aimak-area.h"
#include "aimak-backup.h"
#include "aimak-csv.h"
#include "aimak-db.h"
#include "aimak-import.h"
#include "aimak-indicator.h"
#include "aimak-demo.h"
#include "aimak-export.h"
#include "aimak-export-strings.h"
#include "aimak-geo.h"
#include "aimak-lang.h"
#include "aimak-priority.h"
#include "aimak-priority-model.h"
#include "aimak-reference.h"
#include "aimak-summary.h"
