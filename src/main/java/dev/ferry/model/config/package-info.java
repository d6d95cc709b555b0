/**
 * Reading YAML parameter and scenario files strictly: every value checked before anything runs,
 * every error naming the file, the line, the field and what is allowed.
 */
package dev.ferry.model.config;
