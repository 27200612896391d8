/**
 * The one export pipeline of {@code routes/export.camel.yaml}, whatever the trigger: its run, the steps
 * ({@code exportSteps}: begin, count, open, select, watch, write, complete, release), the runs in progress and
 * cancel. Uses {@code request}, {@code query}, {@code record}, {@code format} and {@code security}.
 */
package io.leadexport.export;
