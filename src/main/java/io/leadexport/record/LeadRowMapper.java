package io.leadexport.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.camel.component.sql.RowMapperFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Maps cursor rows straight to {@link LeadRow}, by column position of {@code LeadQueryBuilder.COLUMNS}: no map
 * per row, timestamps as {@code OffsetDateTime}. Plugged into camel-sql as its row mapper factory.
 */
@Component("leadRowMapper")
public class LeadRowMapper implements RowMapper<LeadRow>, RowMapperFactory {

    @Override
    public LeadRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new LeadRow(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16),
                rs.getObject(17, OffsetDateTime.class),
                rs.getObject(18, OffsetDateTime.class));
    }

    @Override
    public RowMapper<?> newColumnRowMapper() {
        return this;
    }

    @Override
    public RowMapper<?> newBeanRowMapper(Class<?> mappedClass) {
        return this;
    }
}
