/* Shows which leaks LeakSanitizer reports in Graphviz itself, with a program that frees all the
 * API lets it free, and that scripts/sanitizer/lsan.supp still reports the mistakes Dossier could
 * make (a missing gvFreeLayout or agclose). Graphviz's layout plugins have no frame pointers, so
 * it needs fast_unwind_on_malloc=0, as core/layout/src/graphviz_layout.cpp sets for Dossier.
 *
 *   clang -g -O1 -fsanitize=address scripts/sanitizer/graphviz_leaks.c \
 *         $(pkg-config --cflags --libs libgvc) -o /tmp/graphviz_leaks
 *   ASAN_OPTIONS=fast_unwind_on_malloc=0 /tmp/graphviz_leaks ENGINE [RUNS] [NODES]
 *       every leak Graphviz keeps (dot, neato, fdp, sfdp, circo, twopi)
 *   LSAN_OPTIONS=suppressions=scripts/sanitizer/lsan.supp ASAN_OPTIONS=fast_unwind_on_malloc=0 \
 *       /tmp/graphviz_leaks ENGINE        no report
 *   ... the same with OMIT=free-layout or OMIT=close: reported, for every engine (a leak
 *       Dossier would cause is not hidden by the suppressions); OMIT=context is never reported
 *
 * The graph is a ring of NODES nodes (6 by default) with the attributes Dossier sets. */
#include <gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char** argv) {
    const char* engine = argc > 1 ? argv[1] : "neato";
    const int runs = argc > 2 ? atoi(argv[2]) : 1;
    const int count = argc > 3 ? atoi(argv[3]) : 6;
    const char* omit = getenv("OMIT") ? getenv("OMIT") : "";
    if (count < 2 || count > 1000 || runs < 1)
        return 2;
    GVC_t* context = gvContext();
    for (int run = 0; run < runs; ++run) {
        Agraph_t* g =
            agopen("dossier", strcmp(engine, "dot") == 0 ? Agdirected : Agundirected, NULL);
        agattr(g, AGRAPH, "start", "random1");
        agattr(g, AGRAPH, "overlap", "false");
        agattr(g, AGRAPH, "splines", "true");
        agattr(g, AGRAPH, "inputscale", "72");
        agattr(g, AGRAPH, "notranslate", "true");
        Agsym_t* width = agattr(g, AGNODE, "width", "0.25");
        agattr(g, AGNODE, "fixedsize", "true");
        agattr(g, AGNODE, "label", "");
        Agsym_t* weight = agattr(g, AGEDGE, "weight", "1");
        Agnode_t** nodes = calloc((size_t)count, sizeof *nodes);
        for (int i = 0; i < count; ++i) {
            char name[16];
            snprintf(name, sizeof name, "n%d", i);
            nodes[i] = agnode(g, name, 1);
            agxset(nodes[i], width, "0.3");
        }
        for (int i = 0; i < count; ++i)
            agxset(agedge(g, nodes[i], nodes[(i + 1) % count], NULL, 1), weight, "1");
        free(nodes);
        const int rc = gvLayout(context, g, engine);
        if (strcmp(omit, "free-layout") != 0)
            gvFreeLayout(context, g);
        if (strcmp(omit, "close") != 0)
            agclose(g);
        printf("%s layout %d: %s\n", engine, run + 1, rc == 0 ? "ok" : "failed");
    }
    if (strcmp(omit, "context") != 0)
        gvFreeContext(
            context); /* OMIT=context: not reported, Graphviz's globals still point to it */
    return 0;
}
