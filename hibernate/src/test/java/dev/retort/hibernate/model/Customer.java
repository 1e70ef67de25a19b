package dev.retort.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.hibernate.annotations.Comment;

/** Default sequence id ({@code customer_seq}, increment 50), an embedded address, a unique column. */
@Entity
@Comment("People who buy")
public class Customer {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true)
    @Comment("Login e-mail")
    private String email;

    @Column(nullable = false, length = 100)
    private String displayName;

    @Embedded
    private Address address;

    @Column(nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private int version;
}
