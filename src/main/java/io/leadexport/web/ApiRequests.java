package io.leadexport.web;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests are the API's: the web filters that guard the API ({@code /api/**}) leave the page alone. */
final class ApiRequests {

    private ApiRequests() {
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
