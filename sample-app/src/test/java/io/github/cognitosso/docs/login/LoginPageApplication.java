package io.github.cognitosso.docs.login;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the snippets of docs/login.md belong to: a browser application signing
 * users in with the starter, with its own security chain.
 */
@SpringBootApplication
public class LoginPageApplication {

}
