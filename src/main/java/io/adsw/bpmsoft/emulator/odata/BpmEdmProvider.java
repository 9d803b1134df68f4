package io.adsw.bpmsoft.emulator.odata;

import java.util.ArrayList;
import java.util.List;

import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationPropertyBinding;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlReferentialConstraint;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;
import org.jspecify.annotations.Nullable;

/**
 * The stand's entity data model, named as BPMSoft names it: entity types in the
 * {@code BPMSoft.Configuration.OData} namespace, one entity set per type with the type's
 * name.
 */
class BpmEdmProvider extends CsdlAbstractEdmProvider {

	static final String NAMESPACE = "BPMSoft.Configuration.OData";

	static final String CONTAINER_NAME = "BPMSoft";

	static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, CONTAINER_NAME);

	private final List<CsdlEntityType> types;

	BpmEdmProvider(EntitySets sets) {
		this.types = sets.all().stream().map(BpmEdmProvider::entityType).toList();
	}

	private static CsdlEntityType entityType(EntitySetMapping<?> set) {
		List<CsdlProperty> properties = new ArrayList<>();
		for (ColumnMapping<?> column : set.columns()) {
			CsdlProperty property = new CsdlProperty().setName(column.name())
				.setType(column.type().getFullQualifiedName())
				.setNullable(column.name().equals("Id") ? false : column.nullable());
			if (column.type() == EdmPrimitiveTypeKind.DateTimeOffset) {
				property.setPrecision(7);
			}
			if (column.maxLength() != null) {
				property.setMaxLength(column.maxLength());
			}
			properties.add(property);
		}
		List<CsdlNavigationProperty> navigations = new ArrayList<>();
		for (NavigationMapping navigation : set.navigations()) {
			CsdlNavigationProperty property = new CsdlNavigationProperty().setName(navigation.name())
				.setType(new FullQualifiedName(NAMESPACE, navigation.target()))
				.setCollection(navigation.collection());
			if (!navigation.collection()) {
				property.setNullable(true);
			}
			if (navigation.partner() != null) {
				property.setPartner(navigation.partner());
			}
			if (navigation.foreignKey() != null) {
				property.setReferentialConstraints(
						List.of(new CsdlReferentialConstraint().setProperty(navigation.foreignKey())
							.setReferencedProperty("Id")));
			}
			navigations.add(property);
		}
		return new CsdlEntityType().setName(set.name())
			.setKey(List.of(new CsdlPropertyRef().setName("Id")))
			.setProperties(properties)
			.setNavigationProperties(navigations);
	}

	@Override
	public @Nullable CsdlEntityType getEntityType(FullQualifiedName name) {
		if (!NAMESPACE.equals(name.getNamespace())) {
			return null;
		}
		return this.types.stream().filter((type) -> type.getName().equals(name.getName())).findFirst().orElse(null);
	}

	@Override
	public @Nullable CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
		if (!CONTAINER.equals(container)) {
			return null;
		}
		return this.types.stream()
			.filter((type) -> type.getName().equals(name))
			.findFirst()
			.map(this::entitySet)
			.orElse(null);
	}

	private CsdlEntitySet entitySet(CsdlEntityType type) {
		List<CsdlNavigationPropertyBinding> bindings = type.getNavigationProperties()
			.stream()
			.map((navigation) -> new CsdlNavigationPropertyBinding().setPath(navigation.getName())
				.setTarget(navigation.getTypeFQN().getName()))
			.toList();
		return new CsdlEntitySet().setName(type.getName())
			.setType(new FullQualifiedName(NAMESPACE, type.getName()))
			.setNavigationPropertyBindings(bindings);
	}

	@Override
	public CsdlEntityContainer getEntityContainer() {
		return new CsdlEntityContainer().setName(CONTAINER_NAME)
			.setEntitySets(this.types.stream().map(this::entitySet).toList());
	}

	@Override
	public @Nullable CsdlEntityContainerInfo getEntityContainerInfo(@Nullable FullQualifiedName name) {
		if (name == null || CONTAINER.equals(name)) {
			return new CsdlEntityContainerInfo().setContainerName(CONTAINER);
		}
		return null;
	}

	@Override
	public List<CsdlSchema> getSchemas() {
		return List.of(new CsdlSchema().setNamespace(NAMESPACE)
			.setEntityTypes(this.types)
			.setEntityContainer(getEntityContainer()));
	}

}
