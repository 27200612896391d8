/** A request's filter as parameterised SQL: the count and the streaming select. Uses {@code request}. */
package io.leadexport.query;
