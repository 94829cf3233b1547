package jp.climatepdca;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ClimatePdcaApplication {

  public static void main(String[] args) {
    SpringApplication.run(ClimatePdcaApplication.class, args);
  }
}
