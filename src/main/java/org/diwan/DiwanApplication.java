package org.diwan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Diwan: a news site whose reader comments are moderated against published guidelines. */
@SpringBootApplication
public class DiwanApplication {

  public static void main(String[] args) {
    SpringApplication.run(DiwanApplication.class, args);
  }
}
