/**
 * Implementation details shared by the library's readers. Not API: anything here may change in any release.
 */
package io.github.computecost.internal;
