// A model file that reaches up into the store: the map forbids it (core/model may include model).
#include "dossier/model/ids.h"
#include "dossier/store/project.h"
