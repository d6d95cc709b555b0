/**
 * What every report page needs, whatever it shows: HTML escaping, the common style sheet, the chart
 * library inlined from its WebJar, and data embedded safely in a page. It knows no simulation type.
 */
package dev.ferry.report.html;
