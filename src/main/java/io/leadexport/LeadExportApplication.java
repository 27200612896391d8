package io.leadexport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LeadExportApplication {

    public static void main(String[] args) {
        SpringApplication.run(LeadExportApplication.class, args);
    }
}
