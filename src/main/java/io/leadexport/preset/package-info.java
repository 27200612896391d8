/**
 * Saved export setups ({@code /api/leads/export/presets}): stored per user, shared by an ADMIN, named by requests,
 * inbox files and schedules. Uses request (validation and the merge), security (rights) and trigger (which schedules
 * name a preset); used by web. The request package finds presets through its own {@code PresetLookup} interface.
 */
package io.leadexport.preset;
