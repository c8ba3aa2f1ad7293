/**
 * The storage SOP classes the receiver accepts: the list of the protocol library it was first built on, so no
 * sender that worked before is refused now.
 */
export const storageSopClasses: ReadonlySet<string> = new Set([
	'1.2.840.10008.5.1.4.1.1.88.11', // BasicTextSrStorage
	'1.2.840.10008.5.1.4.1.1.13.1.4', // BreastProjectionXRayImageStorageForPresentation
	'1.2.840.10008.5.1.4.1.1.13.1.5', // BreastProjectionXRayImageStorageForProcessing
	'1.2.840.10008.5.1.4.1.1.13.1.3', // BreastTomosynthesisImageStorage
	'1.2.840.10008.5.1.4.1.1.88.65', // ChestCadSrStorage
	'1.2.840.10008.5.1.4.1.1.88.33', // ComprehensiveSrStorage
	'1.2.840.10008.5.1.4.1.1.1', // ComputedRadiographyImageStorage
	'1.2.840.10008.5.1.4.1.1.2', // CtImageStorage
	'1.2.840.10008.5.1.4.1.1.1.3', // DigitalIntraOralXRayImageStorageForPresentation
	'1.2.840.10008.5.1.4.1.1.1.3.1', // DigitalIntraOralXRayImageStorageForProcessing
	'1.2.840.10008.5.1.4.1.1.1.2', // DigitalMammographyXRayImageStorageForPresentation
	'1.2.840.10008.5.1.4.1.1.1.2.1', // DigitalMammographyXRayImageStorageForProcessing
	'1.2.840.10008.5.1.4.1.1.1.1', // DigitalXRayImageStorageForPresentation
	'1.2.840.10008.5.1.4.1.1.1.1.1', // DigitalXRayImageStorageForProcessing
	'1.2.840.10008.5.1.4.1.1.104.2', // EncapsulatedCdaStorage
	'1.2.840.10008.5.1.4.1.1.104.1', // EncapsulatedPdfStorage
	'1.2.840.10008.5.1.4.1.1.2.1', // EnhancedCtImageStorage
	'1.2.840.10008.5.1.4.1.1.4.3', // EnhancedMrColorImageStorage
	'1.2.840.10008.5.1.4.1.1.4.1', // EnhancedMrImageStorage
	'1.2.840.10008.5.1.4.1.1.130', // EnhancedPetImageStorage
	'1.2.840.10008.5.1.4.1.1.88.22', // EnhancedSrStorage
	'1.2.840.10008.5.1.4.1.1.12.1.1', // EnhancedXaImageStorage
	'1.2.840.10008.5.1.4.1.1.12.2.1', // EnhancedXrfImageStorage
	'1.2.840.10008.5.1.4.1.1.14.1', // IntravascularOpticalCoherenceTomographyImageStorageForPresentation
	'1.2.840.10008.5.1.4.1.1.14.2', // IntravascularOpticalCoherenceTomographyImageStorageForProcessing
	'1.2.840.10008.5.1.4.1.1.2.2', // LegacyConvertedEnhancedCTImageStorage
	'1.2.840.10008.5.1.4.1.1.4.4', // LegacyConvertedEnhancedMRImageStorage
	'1.2.840.10008.5.1.4.1.1.128.1', // LegacyConvertedEnhancedPETImageStorage
	'1.2.840.10008.5.1.4.1.1.88.50', // MammographyCadSrStorage
	'1.2.840.10008.5.1.4.1.1.4', // MrImageStorage
	'1.2.840.10008.5.1.4.1.1.7.2', // MultiframeGrayscaleByteSecondaryCaptureImageStorage
	'1.2.840.10008.5.1.4.1.1.7.3', // MultiframeGrayscaleWordSecondaryCaptureImageStorage
	'1.2.840.10008.5.1.4.1.1.7.1', // MultiframeSingleBitSecondaryCaptureImageStorage
	'1.2.840.10008.5.1.4.1.1.7.4', // MultiframeTrueColorSecondaryCaptureImageStorage
	'1.2.840.10008.5.1.4.1.1.20', // NuclearMedicineImageStorage
	'1.2.840.10008.5.1.4.1.1.77.1.5.7', // OphthalmicOpticalCoherenceTomographyEnFaceImageStorage
	'1.2.840.10008.5.1.4.1.1.77.1.5.2', // OphthalmicPhotography16BitImageStorage
	'1.2.840.10008.5.1.4.1.1.77.1.5.1', // OphthalmicPhotography8BitImageStorage
	'1.2.840.10008.5.1.4.1.1.77.1.5.4', // OphthalmicTomographyImageStorage
	'1.2.840.10008.5.1.4.1.1.128', // PositronEmissionTomographyImageStorage
	'1.2.840.10008.5.1.4.1.1.481.1', // RtImageStorage
	'1.2.840.10008.5.1.4.1.1.7', // SecondaryCaptureImageStorage
	'1.2.840.10008.5.1.4.1.1.6.1', // UltrasoundImageStorage
	'1.2.840.10008.5.1.4.1.1.3.1', // UltrasoundMultiframeImageStorage
	'1.2.840.10008.5.1.4.1.1.77.1.1.1', // VideoEndoscopicImageStorage
	'1.2.840.10008.5.1.4.1.1.77.1.2.1', // VideoMicroscopicImageStorage
	'1.2.840.10008.5.1.4.1.1.77.1.4.1', // VideoPhotographicImageStorage
	'1.2.840.10008.5.1.4.1.1.77.1.1', // VlEndoscopicImageStorage
	'1.2.840.10008.5.1.4.1.1.77.1.2', // VlMicroscopicImageStorage
	'1.2.840.10008.5.1.4.1.1.77.1.4', // VlPhotographicImageStorage
	'1.2.840.10008.5.1.4.1.1.77.1.3', // VlSlideCoordinatesMicroscopicImageStorage
	'1.2.840.10008.5.1.4.1.1.77.1.6', // VlWholeSlideMicroscopyImageStorage
	'1.2.840.10008.5.1.4.1.1.77.1.5.6', // WideFieldOphthalmicPhotography3dCoordinatesImageStorage
	'1.2.840.10008.5.1.4.1.1.77.1.5.5', // WideFieldOphthalmicPhotographyStereographicProjectionImageStorage
	'1.2.840.10008.5.1.4.1.1.13.1.1', // XRay3dAngiographicImageStorage
	'1.2.840.10008.5.1.4.1.1.13.1.2', // XRay3dCraniofacialImageStorage
	'1.2.840.10008.5.1.4.1.1.12.1', // XRayAngiographicImageStorage
	'1.2.840.10008.5.1.4.1.1.88.67', // XRayRadiationDoseSRStorage
	'1.2.840.10008.5.1.4.1.1.12.2', // XRayRadiofluoroscopicImageStorage
]);
