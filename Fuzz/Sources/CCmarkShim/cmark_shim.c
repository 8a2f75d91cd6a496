#include "cmark_shim.h"

#include <cmark.h>

int slant_cmark_html_nodes(const char *text, size_t length) {
    cmark_node *document = cmark_parse_document(text, length, CMARK_OPT_DEFAULT);
    if (document == NULL) return -1;
    int count = 0;
    cmark_iter *iter = cmark_iter_new(document);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        if (event != CMARK_EVENT_ENTER) continue;
        cmark_node_type type = cmark_node_get_type(cmark_iter_get_node(iter));
        if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) count++;
    }
    cmark_iter_free(iter);
    cmark_node_free(document);
    return count;
}
