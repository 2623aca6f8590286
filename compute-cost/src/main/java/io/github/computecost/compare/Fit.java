package io.github.computecost.compare;

/** Whether a function could run as a CloudFront Function, on one check or overall. */
public enum Fit {
    /** It fits, as far as the check can tell. */
    FITS,
    /** It does not fit. */
    DOES_NOT_FIT,
    /** Not enough is known to tell; never reported as fitting. */
    CANNOT_TELL
}
