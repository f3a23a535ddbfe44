/*
 * roast: the annotation data of a Class (HotSpot's Class.AnnotationData): the annotations
 * declared on the class, parsed by the JDK's AnnotationParser from the bytes and pool the
 * compiler keeps (Class.rawAnnotations0, Class.getConstantPool), and those present on it,
 * which add the superclass's @Inherited annotations, as HotSpot's createAnnotationData does.
 */
package java.lang;

import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.Map;
import sun.reflect.annotation.AnnotationParser;
import sun.reflect.annotation.AnnotationType;

final class RoastAnnotations {
    /** Annotations present (declared + inherited). */
    final Map<Class<? extends Annotation>, Annotation> annotations;
    /** Annotations declared on the class itself. */
    final Map<Class<? extends Annotation>, Annotation> declaredAnnotations;

    private RoastAnnotations(Map<Class<? extends Annotation>, Annotation> annotations,
            Map<Class<? extends Annotation>, Annotation> declaredAnnotations) {
        this.annotations = annotations;
        this.declaredAnnotations = declaredAnnotations;
    }

    /** The data of {@code c}, whose superclass has {@code superData} (null: none). */
    static RoastAnnotations of(Class<?> c, RoastAnnotations superData) {
        Map<Class<? extends Annotation>, Annotation> declared =
                AnnotationParser.parseAnnotations(c.getRawAnnotations(), c.getConstantPool(), c);
        if (superData == null) {
            return new RoastAnnotations(declared, declared);
        }
        Map<Class<? extends Annotation>, Annotation> superAnnotations = superData.annotations;
        Map<Class<? extends Annotation>, Annotation> annotations = null;
        for (Map.Entry<Class<? extends Annotation>, Annotation> e : superAnnotations.entrySet()) {
            Class<? extends Annotation> annotationClass = e.getKey();
            if (AnnotationType.getInstance(annotationClass).isInherited()) {
                if (annotations == null) {
                    annotations = new LinkedHashMap<>(Math.max(declared.size(),
                            Math.min(12, declared.size() + superAnnotations.size())));
                }
                annotations.put(annotationClass, e.getValue());
            }
        }
        if (annotations == null) {
            annotations = declared;
        } else {
            annotations.putAll(declared);
        }
        return new RoastAnnotations(annotations, declared);
    }
}
