/**
 * One lead as it is written: the row mapper, and the formatting of values (national ID masking and encryption, phone
 * numbers, dates in the configured zone, address, conversation link). Uses {@code request}.
 */
package io.leadexport.record;
