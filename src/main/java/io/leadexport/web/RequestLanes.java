package io.leadexport.web;

import java.util.concurrent.Executor;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The executor platform-http hands each request's route to, in two lanes. A synchronous export
 * ({@code GET /api/leads/export}) runs its export and sends its file on a lane of its own, so however many slow
 * downloads are under way, every other request (job status, lists, fields, preview, the admin page) finds a free
 * thread in the other lane at once. platform-http calls {@link #execute} on the servlet thread of the request, which
 * is how the lane is chosen.
 */
final class RequestLanes implements AsyncTaskExecutor {

    static final String DOWNLOAD_PATH = "/api/leads/export";

    private final Executor api;
    private final Executor downloads;

    RequestLanes(Executor api, Executor downloads) {
        this.api = api;
        this.downloads = downloads;
    }

    @Override
    public void execute(Runnable task) {
        (isDownload(RequestContextHolder.getRequestAttributes()) ? downloads : api).execute(task);
    }

    private static boolean isDownload(RequestAttributes attributes) {
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return false;
        }
        HttpServletRequest request = servlet.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && (path.equals(DOWNLOAD_PATH) || path.equals(DOWNLOAD_PATH + "/"));
    }
}
