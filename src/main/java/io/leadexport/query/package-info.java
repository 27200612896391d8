/**
 * A request's filter as parameterised SQL (the count and the streaming select), and a {@code Page} of results as the
 * list endpoints answer it. Uses {@code request}.
 */
package io.leadexport.query;
