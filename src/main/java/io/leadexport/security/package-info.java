/**
 * Who is asking and what they may do: users and roles (HTTP Basic, optional OAuth2 bearer tokens), the current
 * user of a route, and the permission checks of a request (plain national IDs). Uses {@code request} and
 * {@code record}.
 */
package io.leadexport.security;
