package org.foodnet.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Foodnet's web service: {@code ./foodnet serve}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FoodnetApplication {

    public static void main(String[] args) {
        SpringApplication.run(FoodnetApplication.class, args);
    }
}
