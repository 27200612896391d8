package io.leadexport.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadexport.query.Page;
import io.leadexport.trigger.InboxLog;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** {@code GET /api/leads/export/inbox} (ADMIN): the files the inbox took, newest first, and what became of each. */
@Component("inboxApi")
public class InboxApi {

    private final InboxLog log;

    public InboxApi(InboxLog log) {
        this.log = log;
    }

    public Page list(@Header("page") String page, @Header("size") String size) {
        int p = JobApi.page(page);
        int s = JobApi.size(size);
        List<Map<String, Object>> items = log.page(p, s).stream().map(InboxApi::view).toList();
        return new Page(items, p, s, log.count());
    }

    private static Map<String, Object> view(InboxLog.Entry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", entry.name());
        view.put("receivedAt", entry.receivedAt().toString());
        view.put("outcome", entry.outcome());
        view.put("jobId", entry.jobId());
        view.put("error", entry.error());
        return view;
    }
}
