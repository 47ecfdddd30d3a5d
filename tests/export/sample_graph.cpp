#include "sample_graph.h"

#include "test_support.h"

#include <cstdlib>

namespace dossier::exporting::testing {

ExportGraph sample_graph() {
    ExportGraph graph;
    // Deliberately not in id order: writers must follow sort_canonically().
    graph.nodes = {
        {"7",
         "Ministry of Foreign Affairs",
         "organization",
         {"MFA", "МИД"},
         {{"degree", 3}, {"pagerank", 0.21}},
         1,
         "1962-10",
         "1962-11-02"},
        {"3",
         "Андрей Громыко",
         "person",
         {"A. Gromyko", "Gromyko"},
         {{"degree", 4}, {"pagerank", 0.3}},
         1,
         "1962-10-16",
         "1962-11-02"},
        {"12",
         "周恩来",
         "person",
         {"Zhou Enlai", "Chou En-lai"},
         {{"degree", 2}, {"pagerank", 0.12}},
         2,
         "1962",
         ""},
        {"5", "Cuba", "country", {}, {{"degree", 3}, {"pagerank", 0.18}}, 2, "", ""},
        {"9",
         "Havana",
         "place",
         {"La Habana"},
         {{"degree", 1}, {"pagerank", 0.07}},
         std::nullopt,
         "",
         ""},
        {"4", "Dean Rusk", "person", {"Rusk"}, {{"degree", 1}, {"pagerank", 0.12}}, 2, "", ""},
    };
    auto index = [&](const std::string& id) {
        for (std::size_t i = 0; i < graph.nodes.size(); ++i)
            if (graph.nodes[i].id == id)
                return i;
        return graph.nodes.size();
    };
    graph.edges = {
        {"r1",
         index("3"),
         index("7"),
         "member_of",
         2,
         true,
         "1962-10-16",
         "1962-11-02",
         {{"101", "Telegram from Moscow", "1962-10-16", 0,
           "Gromyko, speaking for the ministry, said the \"matter is closed\"."},
          {"102", "Memorandum of conversation", "1962-11-02", 3,
           "The Minister (Gromyko) received the note."}}},
        {"r2",
         index("3"),
         index("4"),
         "met_with",
         1,
         true,
         "1962-10-18",
         "1962-10-18",
         {{"103", "Memorandum of conversation, Washington", "1962-10-18", 1,
           "Rusk met Gromyko at the State Department."}}},
        {"r3",
         index("12"),
         index("5"),
         "co_occurs_sentence",
         1.5,
         false,
         "1962",
         "1962",
         {{"104", "周恩来致电", "1962", 0, "周恩来谈古巴问题。"}}},
        {"r4", index("5"), index("9"), "located_in", 1, true, "", "", {}},
        {"r5",
         index("7"),
         index("5"),
         "refers_to",
         3,
         true,
         "1962-10",
         "1962-10-30",
         {{"101", "Telegram from Moscow", "1962-10-16", 0,
           "The ministry instructs the embassy in Cuba."}}},
        {"r6", index("3"), index("12"), "co_occurs_sentence", 1, false, "", "", {}},
    };
    graph.sort_canonically();
    return graph;
}

std::vector<NodeVisual> sample_visuals() {
    // After sort_canonically: ids 12, 3, 4, 5, 7, 9.
    return {
        {-40, 60, 20, "#56B4E9"},    {0, 0, 36, "#E69F00"},   {80, -20, 14, "#E69F00"},
        {-60, -50, 24.5, "#009E73"}, {60, 50, 30, "#56B4E9"}, {-110, -80, 10, "#F0E442"},
    };
}

} // namespace dossier::exporting::testing
