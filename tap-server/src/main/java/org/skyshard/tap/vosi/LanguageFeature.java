package org.skyshard.tap.vosi;

/**
 * One TAPRegExt language feature.
 *
 * @param type the feature type IVOID ({@code ivo://ivoa.net/std/TAPRegExt#features-adqlgeo})
 * @param form the form clients see ({@code CONTAINS}, or a UDF signature)
 * @param description free text
 */
public record LanguageFeature(String type, String form, String description) {}
