package io.github.computecost.cli;

import io.github.computecost.ComputeCostException;

/** Input a command cannot use that no library exception describes (a file with nothing to compare, say). Exit 2. */
final class BadInputException extends ComputeCostException {

    BadInputException(String message) {
        super(message);
    }
}
