package ai.spawn.web;

import ai.spawn.spawn.AppGoneException;
import ai.spawn.spawn.AtCapacityException;
import ai.spawn.spawn.AppNotFoundException;
import ai.spawn.spawn.InvalidAppRequestException;
import ai.spawn.spawn.InvalidStateTransitionException;
import ai.spawn.spawn.SpawnException;
import ai.spawn.spawn.VersionNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Maps every error of the API to an RFC 7807 problem, in one place. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(UnauthorizedException.class)
    ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem(HttpStatus.UNAUTHORIZED, "Not signed in", e.getMessage()));
    }

    @ExceptionHandler(AppNotFoundException.class)
    ProblemDetail notFound(AppNotFoundException e) {
        return withApp(problem(HttpStatus.NOT_FOUND, "App not found", e.getMessage()), e);
    }

    @ExceptionHandler(AtCapacityException.class)
    ResponseEntity<ProblemDetail> atCapacity(AtCapacityException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(AtCapacityException.RETRY_AFTER_SECONDS))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "At capacity", e.getMessage()));
    }

    @ExceptionHandler(VersionNotFoundException.class)
    ProblemDetail versionNotFound(VersionNotFoundException e) {
        return withApp(problem(HttpStatus.NOT_FOUND, "Version not found", e.getMessage()), e);
    }

    @ExceptionHandler(InvalidAppRequestException.class)
    ProblemDetail invalid(InvalidAppRequestException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        if (e.field() != null) {
            p.setProperty("field", e.field());
        }
        return p;
    }

    @ExceptionHandler(AppGoneException.class)
    ProblemDetail gone(AppGoneException e) {
        return withApp(problem(HttpStatus.GONE, "App has ended", e.getMessage()), e);
    }

    @ExceptionHandler(InvalidStateTransitionException.class)
    ProblemDetail conflict(InvalidStateTransitionException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Not possible in this state",
                "the app is " + e.from() + "; this needs another state");
        p.setProperty("currentStatus", e.from().name());
        return withApp(p, e);
    }

    @ExceptionHandler(SpawnException.class)
    ProblemDetail spawn(SpawnException e) {
        return withApp(problem(HttpStatus.CONFLICT, "Could not complete", e.getMessage()), e);
    }

    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestBodyTooLargeException e) {
        ProblemDetail p = problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "the request body is larger than " + e.limit() + " bytes; send less");
        p.setProperty("limit", e.limit());
        // the rest of the body is not read: the connection cannot carry another request
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close").body(p);
    }

    /** A body reader failing at the body limit is a 413, not a malformed body. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "something went wrong on our side; the error was logged");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }

    private static ProblemDetail withApp(ProblemDetail p, SpawnException e) {
        if (e.appId() != null) {
            p.setProperty("appId", e.appId());
        }
        return p;
    }
}
